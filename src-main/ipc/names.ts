/**
 * The names of every request and event, without their schemas. The preload bridge checks names
 * against these lists and must stay small (it loads with every window), so it cannot import the
 * zod schemas in contract.ts; contract.ts checks at compile time that its requests and events are
 * exactly these names, so the two cannot drift apart.
 */

/** Every request the renderer may make. */
export const REQUEST_NAMES = [
  'app:status',
  'ssh:scan-host',
  'ssh:accept-host',
  'app:stale',
  'app:dismiss-config-notice',
  'app:log-location',
  'app:open-log-folder',
  'settings:get',
  'settings:update',
  'settings:metrics-status',
  'settings:metrics-apply',
  'repos:list',
  'repos:create',
  'repos:add-existing',
  'repos:cancel-attempt',
  'repos:unlock',
  'repos:forget-passphrase',
  'repos:remove',
  'repos:details',
  'repos:set-passcommand',
  'repos:test-passcommand',
  'repos:edit',
  'jobs:start-backup',
  'jobs:cancel',
  'jobs:list',
  'jobs:log',
  'archives:open',
  'archives:folder',
  'archives:locate',
  'archives:search',
  'archives:versions',
  'archives:search-all',
  'archives:diff',
  'archives:growth',
  'restore:preview',
  'jobs:start-restore',
  'jobs:save-copy',
  'mount:status',
  'mount:mount',
  'mount:unmount',
  'shell:open-path',
  'history:list',
  'history:log',
  'fs:list-folder',
  'dialog:choose-folders',
  'plans:list',
  'plans:save',
  'plans:delete',
  'plans:run-now',
  'plans:test-path',
  'plans:preview-prune',
  'plans:export',
  'plans:preview-import',
  'plans:import',
  'schedules:upcoming',
  'schedules:pause',
  'schedules:resume',
  'schedules:state',
  'archives:delete',
  'archives:rename',
  'archives:deleted',
  'archives:undelete',
  'archives:set-tags',
  'archives:set-comment',
  'archives:info',
  'archives:index-usage',
  'archives:index-clear',
  'repos:check',
  'checks:list',
  'checks:save',
  'drills:start',
  'drills:latest',
  'keys:change-passphrase',
  'keys:export',
  'keys:import',
  'keys:recovery-kit',
  'keys:self-test',
  'keys:folder',
  'repos:space',
  'repos:compact',
  'repos:reserved-space',
  'repos:reserve-space',
  'repos:free-reserved-space',
  'repos:recompress',
  'repos:migrate',
  'plans:move-to-repository',
  'locks:status',
  'locks:break',
  'locks:wait-and-retry',
  'ssh-keys:list',
  'ssh-keys:generate',
  'ssh-keys:authorized-line',
  'ssh-keys:set-repository-key',
  'questions:list',
  'questions:answer',
  'monitoring:status',
  'monitoring:test',
] as const;

/** Requests of the browser host's test mode only (BORGDESK_TEST_CLOCK=1); not in the production contract. */
export const TEST_REQUEST_NAMES = ['test:advance-clock'] as const;

/** Every event the core pushes. */
export const EVENT_NAMES = [
  'job:updated',
  'job:progress',
  'job:log',
  'job:finished',
  'repos:changed',
  'archive-index:updated',
  'mount:changed',
  'history:added',
  'plans:changed',
  'schedules:changed',
  'app:clock',
  'app:open-settings',
  'checks:changed',
  'questions:changed',
  'monitoring:changed',
] as const;

/** A production request's name. */
export type RequestName = (typeof REQUEST_NAMES)[number];
/** A test-mode request's name. */
export type TestRequestName = (typeof TEST_REQUEST_NAMES)[number];
/** An event's name. */
export type EventName = (typeof EVENT_NAMES)[number];

const requestNames: ReadonlySet<string> = new Set(REQUEST_NAMES);
const testRequestNames: ReadonlySet<string> = new Set(TEST_REQUEST_NAMES);
const eventNames: ReadonlySet<string> = new Set(EVENT_NAMES);

/** True for a production request name. */
export const isRequestName = (name: string): name is RequestName => requestNames.has(name);
/** True for a test-mode request name. */
export const isTestRequestName = (name: string): name is TestRequestName => testRequestNames.has(name);
/** True for an event name. */
export const isEventName = (name: string): name is EventName => eventNames.has(name);

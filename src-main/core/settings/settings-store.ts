/**
 * The user's settings, persisted as `configDir/settings.json` with a `version` field so later
 * releases can migrate old files instead of discarding them. Read field by field: a missing field
 * takes its default quietly (a file from an older release); an invalid one takes its default, is
 * set aside (see ConfigFile) and reported, and every other field is kept. Fields a newer Borgdesk
 * added are kept when the file is written again.
 */
import { z } from 'zod';
import { compressionSchema } from '../../model/compression.js';
import { settingsSchema, type Settings } from '../../model/settings.js';
import { ConfigFile, type Decoded } from './config-file.js';
import { ConfigNotices } from './config-notices.js';
import { extraKeys, zodReason, type SetAsideEntry } from './entry-decode.js';

/** The settings a fresh install starts with. */
export const defaultSettings: Settings = {
  borgPath: '',
  defaultCompression: 'lz4',
  notificationLevel: 'problems',
  staleAfterDays: 3,
  startAtLogin: false,
  metricsTextfile: '',
  archiveIndexCacheMb: 2000,
  language: 'system',
};

const SETTINGS_VERSION = 1;

type Field = keyof Settings;

const fieldSchemas: { readonly [K in Field]: z.ZodType<Settings[K]> } = {
  borgPath: settingsSchema.shape.borgPath,
  defaultCompression: compressionSchema,
  notificationLevel: settingsSchema.shape.notificationLevel,
  staleAfterDays: settingsSchema.shape.staleAfterDays,
  startAtLogin: settingsSchema.shape.startAtLogin,
  metricsTextfile: settingsSchema.shape.metricsTextfile,
  archiveIndexCacheMb: settingsSchema.shape.archiveIndexCacheMb,
  language: settingsSchema.shape.language,
};

// What the notice calls a field, in the Settings dialog's words.
const fieldLabels: { readonly [K in Field]: string } = {
  borgPath: 'Path to borg',
  defaultCompression: 'Default compression',
  notificationLevel: 'Notifications',
  staleAfterDays: 'Warn when no backup for (days)',
  startAtLogin: 'Start at login',
  metricsTextfile: 'Prometheus metrics',
  archiveIndexCacheMb: 'Archive indexes: space on disk',
  language: 'Language',
};

const FIELDS = Object.keys(fieldSchemas) as Field[];

interface SettingsData {
  readonly settings: Settings;
  readonly extras: Record<string, unknown>;
}

function decode(raw: Readonly<Record<string, unknown>>): Decoded<SettingsData> {
  const settings: Record<string, unknown> = { ...defaultSettings };
  const setAside: SetAsideEntry[] = [];
  for (const field of FIELDS) {
    if (raw[field] === undefined) continue;
    const parsed = fieldSchemas[field].safeParse(raw[field]);
    if (parsed.success) settings[field] = parsed.data;
    else
      setAside.push({
        at: field,
        label: fieldLabels[field],
        reason: zodReason(parsed.error),
        entry: raw[field],
      });
  }
  return {
    value: { settings: settings as Settings, extras: extraKeys(raw, {}, FIELDS) },
    setAside,
  };
}

/** Reads and updates settings; updates are persisted before the promise resolves. */
export interface SettingsStore {
  get(): Settings;
  update(patch: Partial<Settings>): Promise<Settings>;
}

/** Load `settings.json` from `configDir` (defaults when missing or unreadable; bad fields reset). */
export async function openSettingsStore(
  configDir: string,
  notices = new ConfigNotices(),
): Promise<SettingsStore> {
  const file = await ConfigFile.open<SettingsData>({
    dir: configDir,
    name: 'settings',
    version: SETTINGS_VERSION,
    empty: () => ({ settings: defaultSettings, extras: {} }),
    decode,
    encode: (data) => ({ ...data.extras, ...data.settings }),
    notices,
  });
  return {
    get: () => file.value.settings,
    update: (patch) =>
      file.update((data) => {
        const next: Settings = {
          borgPath: patch.borgPath ?? data.settings.borgPath,
          defaultCompression: patch.defaultCompression ?? data.settings.defaultCompression,
          notificationLevel: patch.notificationLevel ?? data.settings.notificationLevel,
          staleAfterDays: patch.staleAfterDays ?? data.settings.staleAfterDays,
          startAtLogin: patch.startAtLogin ?? data.settings.startAtLogin,
          metricsTextfile: patch.metricsTextfile ?? data.settings.metricsTextfile,
          archiveIndexCacheMb: patch.archiveIndexCacheMb ?? data.settings.archiveIndexCacheMb,
          language: patch.language ?? data.settings.language,
        };
        return { next: { ...data, settings: next }, result: next };
      }),
  };
}

/**
 * A repository location that would make ssh run a local command never starts a process: the real
 * core, a borg wrapper on the settings' borg path that records every invocation and then runs the
 * real /usr/bin/borg, and locations that on an unguarded core make ssh (through borg) run `touch`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeShellProgram } from '../../borg/test-programs.js';
import { createSandbox, TEST_BORG, type BorgSandbox } from '../../borg/test-sandbox.js';
import type { Core } from '../services.js';
import { startTestCore } from '../test-support/test-core.js';

let sandbox: BorgSandbox;
let markerDir: string;
const cores: Core[] = [];

const markerVars: string[] = [];

/**
 * `touch <markerDir>/<name>` as a shell command with no "/", "\\" or ":" in it (borg's host part
 * cannot hold them): the path travels in an environment variable that borg and ssh inherit.
 */
function marker(name: string): string {
  const variable = `BORGDESK_TEST_MARKER_${name.toUpperCase().replaceAll(/\W/g, '_')}`;
  process.env[variable] = path.join(markerDir, name);
  markerVars.push(variable);
  return `touch $${variable}`;
}

/** Locations that, unguarded, hand `-oProxyCommand=touch …` to ssh as an option (built once markerDir exists). */
const HOSTILE_LOCATIONS: Record<string, () => string> = {
  'scp-style host': () => `-oProxyCommand=${marker('pwned-scp')}:repo`,
  'ssh:// host': () => `ssh://-oProxyCommand=${marker('pwned-url')}/repo`,
  'scp-style user': () => `-oProxyCommand=${marker('pwned-user')}@nas:repo`,
  // The issue's own example: with a "/" in it borg would take it for a folder; refused all the same.
  'issue example': () => `-oProxyCommand=touch ${path.join(markerDir, 'pwned-issue')}:repo`,
};

/** Every borg run the core `name` made, except the version probe Borgdesk makes to find borg. */
async function borgRuns(name: string): Promise<string[]> {
  const text = await fs.readFile(sandbox.path(name, 'borg-invocations.log'), 'utf8').catch(() => '');
  return text.split('\n').filter((line) => line !== '' && line !== '--version');
}

async function startCore(name: string): Promise<Core> {
  const configDir = sandbox.path(name, 'config');
  const homeDir = sandbox.path(name, 'home');
  await fs.mkdir(homeDir, { recursive: true });
  const core = await startTestCore({ configDir, homeDir });
  cores.push(core);
  // Its own recording borg, so a job of another test still running cannot show up in its record.
  const log = sandbox.path(name, 'borg-invocations.log');
  const wrapper = await writeShellProgram(
    sandbox.path(name, 'borg'),
    `printf '%s\\n' "$*" >> '${log}'\nexec ${TEST_BORG} "$@"`,
  );
  await core.handlers['settings:update']({ borgPath: wrapper });
  return core;
}

/** The code a refused request carried, or "accepted" when it was not refused. */
async function refusalCode(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => 'accepted',
    (e: unknown) => (e as { code?: unknown }).code,
  );
}

/** What a hostile location left behind: marker files ssh's ProxyCommand created, and borg runs. */
async function traces(name: string): Promise<{ markers: string[]; borgRuns: string[] }> {
  return { markers: await fs.readdir(markerDir), borgRuns: await borgRuns(name) };
}

beforeAll(async () => {
  sandbox = await createSandbox();
  markerDir = sandbox.path('markers');
  await fs.mkdir(markerDir, { recursive: true });
});

afterEach(async () => {
  await fs.rm(markerDir, { recursive: true, force: true });
  await fs.mkdir(markerDir);
});

afterAll(async () => {
  for (const variable of markerVars) delete process.env[variable];
  for (const core of cores) await core.dispose();
  await sandbox.cleanup();
});

describe('a hostile repository location', () => {
  for (const [label, build] of Object.entries(HOSTILE_LOCATIONS)) {
    it(`is refused by repos:create and repos:add-existing before any process starts (${label})`, async () => {
      const location = build();
      const name = `typed-${label.replaceAll(/\W/g, '-')}`;
      const core = await startCore(name);
      const created = await refusalCode(
        core.handlers['repos:create']({ name: 'Hostile', location, encryption: 'none' }),
      );
      const added = await refusalCode(core.handlers['repos:add-existing']({ name: 'Hostile', location }));
      expect({ created, added, ...(await traces(name)) }).toEqual({
        created: 'InvalidInput',
        added: 'InvalidInput',
        markers: [],
        borgRuns: [],
      });
      expect(await core.handlers['repos:list']({})).toEqual([]);
    });
  }

  it('stored in repositories.json is refused when used, before borg or ssh runs', async () => {
    const name = 'stored';
    const configDir = sandbox.path(name, 'config');
    await fs.mkdir(configDir, { recursive: true });
    const location = HOSTILE_LOCATIONS['scp-style host']?.() ?? '';
    await fs.writeFile(
      path.join(configDir, 'repositories.json'),
      JSON.stringify({
        version: 1,
        repositories: [
          {
            id: 'hostile-1',
            name: 'Planted',
            location,
            needsPassphrase: false,
            consentedPrompts: ['BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK'],
          },
        ],
      }),
    );
    const core = await startCore(name);
    const details = await core.handlers['repos:details']({ repoId: 'hostile-1' }).then(
      () => undefined,
      (e: unknown) => e as { code?: unknown; message?: unknown },
    );
    const backup = await refusalCode(
      core.handlers['jobs:start-backup']({
        repoId: 'hostile-1',
        sourcePaths: [sandbox.path(name, 'home')],
        archiveName: 'a',
        compression: 'lz4',
        excludeCaches: true,
        excludePatterns: [],
      }),
    );
    const check = await refusalCode(
      core.handlers['repos:check']({ repoId: 'hostile-1', mode: 'repository' }),
    );
    const unlock = await refusalCode(core.handlers['repos:unlock']({ repoId: 'hostile-1', passphrase: 'x' }));
    expect({ details: details?.code, backup, check, ...(await traces(name)) }).toEqual({
      details: 'InvalidInput',
      backup: 'InvalidInput',
      check: 'InvalidInput',
      markers: [],
      borgRuns: [],
    });
    // Not encrypted, so unlocking has nothing to check and must not run borg either.
    expect(unlock).toBe('accepted');
    expect(String(details?.message)).toContain('Planted');
  });

  it('leaves valid locations working through the same recording wrapper', async () => {
    const name = 'valid';
    const core = await startCore(name);
    const location = sandbox.path('valid', 'home', 'Backups', 'repo');
    const repo = await core.handlers['repos:create']({ name: 'Fine', location, encryption: 'none' });
    expect(repo.location).toBe(location);
    expect(await borgRuns(name)).toEqual([
      expect.stringMatching(new RegExp(` init --encryption=none -- ${location}$`)),
    ]);
  });
});

// Integration: the archive name limit against the real /usr/bin/borg (1.2.4). Borg takes any length
// on the command line and fails when it writes the manifest (255 characters) — for a checkpoint
// "<name>.checkpoint" too — so Borgdesk refuses names over 240 before borg runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARCHIVE_NAME_LIMIT } from '../model/archive-name-syntax.js';
import { runCreate } from './commands/create.js';
import { runInit } from './commands/init.js';
import { runListArchives } from './commands/list-archives.js';
import { isBorgError } from './errors.js';
import { runBorg } from './exec.js';
import { createSandbox, type BorgSandbox } from './test-sandbox.js';

let box: BorgSandbox;
let repo = '';

beforeAll(async () => {
  box = await createSandbox();
  repo = box.path('repo');
  await runInit({ location: repo, encryption: 'none' }, box.ctx());
  // Random data compressed with zlib,9 is slow enough for a checkpoint after 1 s.
  await box.writeRandomFile(box.path('src', 'random.bin'), 64);
});
afterAll(async () => {
  await box.cleanup();
});

const createArgs = (name: string): string[] => [
  'create',
  '--checkpoint-interval=1',
  '--compression=zlib,9',
  '--',
  `${repo}::${name}`,
  box.path('src'),
];

describe('archive name length', () => {
  it('borg itself fails at its first checkpoint on a 250-character name, after reading the data', async () => {
    const error = await runBorg(createArgs('c'.repeat(250)), box.ctx()).catch((e: unknown) => e);
    expect(isBorgError(error) && error.toSerialized()).toMatchObject({
      code: 'InvalidArchiveName',
      message: 'The archive name is longer than borg allows (255 characters).',
    });
  }, 60_000);

  it('a name of the full 240 characters survives a checkpoint', async () => {
    const name = 'd'.repeat(ARCHIVE_NAME_LIMIT);
    expect((await runBorg(createArgs(name), box.ctx())).exitCode).toBe(0);
    const listing = await runListArchives({ location: repo }, box.ctx());
    expect(listing.archives.map((a) => a.name)).toContain(name);
  }, 60_000);

  it('runCreate refuses a 300-character name before borg runs', async () => {
    const options = {
      location: repo,
      archiveName: 'a'.repeat(300),
      sourcePaths: [box.path('src')],
      compression: 'lz4' as const,
      excludeCaches: false,
      excludePatterns: [],
    };
    // A borg that does not exist shows that nothing was started.
    const error = await runCreate(options, box.ctx({ borgPath: box.path('no-borg') })).catch(
      (e: unknown) => e,
    );
    expect(isBorgError(error) && error.toSerialized()).toEqual({
      code: 'InvalidArchiveName',
      message:
        'Archive names can have at most 240 characters (borg allows 255, and adds ".checkpoint" to the name while a long backup runs). This one has 300.',
      remedy: 'Choose another archive name.',
    });
  });
});

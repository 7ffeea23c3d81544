// Integration: the archive name rules against the real borg (TEST_BORG). Borg 1 takes any length on
// the command line and fails when it writes the manifest (255 characters) — for a checkpoint
// "<name>.checkpoint" too — so Borgdesk refuses names over 240 before borg runs. Borg 2 checks the
// name when it starts (at most 200 characters, no / " < | > ? *, no blank at either end) and has no
// checkpoints; Borgdesk refuses the same names first (capabilities.ts archiveNameRules).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capabilitiesOf, newArchiveTail } from './command-shape.js';
import { runCreate, type CreateOptions } from './commands/create.js';
import { runInit } from './commands/init.js';
import { runListArchives } from './commands/list-archives.js';
import { isBorgError } from './errors.js';
import { runBorg } from './exec.js';
import { createSandbox, testBorgCapabilities, type BorgSandbox } from './test-sandbox.js';

const rules = (await testBorgCapabilities()).archiveNameRules;
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
  ...(rules.checkpoints ? ['--checkpoint-interval=1'] : []),
  '--compression=zlib,9',
  ...newArchiveTail(capabilitiesOf(box.ctx()), repo, name, [box.path('src')]),
];

const createOptions = (archiveName: string): CreateOptions => ({
  location: repo,
  archiveName,
  sourcePaths: [box.path('src')],
  compression: 'lz4',
  excludeCaches: false,
  excludePatterns: [],
});

async function archiveNames(): Promise<string[]> {
  return (await runListArchives({ location: repo }, box.ctx())).archives.map((a) => a.name);
}

describe('archive name length', () => {
  it.runIf(rules.checkpoints)(
    'borg 1 itself fails at its first checkpoint on a 250-character name, after reading the data',
    async () => {
      const error = await runBorg(createArgs('c'.repeat(250)), box.ctx()).catch((e: unknown) => e);
      expect(isBorgError(error) && error.toSerialized()).toMatchObject({
        code: 'InvalidArchiveName',
        message: 'The archive name is longer than borg allows (255 characters).',
      });
    },
    60_000,
  );

  it.runIf(!rules.checkpoints)('borg 2 itself refuses a 201-character name when it starts', async () => {
    const name = 'c'.repeat(201);
    const error = await runBorg(createArgs(name), box.ctx()).catch((e: unknown) => e);
    expect(isBorgError(error) && error.toSerialized()).toMatchObject({
      code: 'InvalidArchiveName',
      message: expect.stringMatching(
        /^Borg did not accept the archive name: Invalid archive name: .*\[length > 200\]$/,
      ),
    });
    expect(await archiveNames()).not.toContain(name);
  });

  it(`a name of the full ${rules.maxLength} characters is stored${rules.checkpoints ? ', surviving a checkpoint' : ''}`, async () => {
    const name = 'd'.repeat(rules.maxLength);
    expect((await runBorg(createArgs(name), box.ctx())).exitCode).toBe(0);
    expect(await archiveNames()).toContain(name);
  }, 60_000);

  it('runCreate refuses a 300-character name before borg runs', async () => {
    // A borg that does not exist shows that nothing was started.
    const error = await runCreate(
      createOptions('a'.repeat(300)),
      box.ctx({ borgPath: box.path('no-borg') }),
    ).catch((e: unknown) => e);
    const limit = rules.checkpoints
      ? 'at most 240 characters (borg allows 255, and adds ".checkpoint" to the name while a long backup runs)'
      : 'at most 200 characters (borg 2 allows no more, so that the archive fits in a folder path when it is mounted)';
    expect(isBorgError(error) && error.toSerialized()).toEqual({
      code: 'InvalidArchiveName',
      message: `Archive names can have ${limit}. This one has 300.`,
      remedy: 'Choose another archive name.',
      ...(rules.checkpoints
        ? { reason: 'nameTooLongForCheckpoints', params: { limit: 240, length: 300, borgLimit: 255 } }
        : { reason: 'nameTooLongForMount', params: { limit: 200, length: 300 } }),
    });
  });
});

describe('archive name characters', () => {
  it.runIf(rules.refusedCharacters !== '')(
    'borg 2 refuses each of / " < | > ? * and edge blanks itself, and runCreate refuses them before borg runs',
    async () => {
      const noBorg = box.ctx({ borgPath: box.path('no-borg') });
      for (const name of [...Array.from(`/${rules.refusedCharacters}`, (c) => `a${c}b`), ' ab', 'ab ']) {
        const byBorg = await runBorg(createArgs(name), box.ctx()).catch((e: unknown) => e);
        expect(isBorgError(byBorg) && byBorg.code, JSON.stringify(name)).toBe('InvalidArchiveName');
        const byUs = await runCreate(createOptions(name), noBorg).catch((e: unknown) => e);
        expect(isBorgError(byUs) && byUs.toSerialized(), JSON.stringify(name)).toMatchObject({
          code: 'InvalidArchiveName',
          message: expect.stringMatching(/^Archive names cannot (contain|start or end)/),
        });
      }
      expect(await archiveNames()).toEqual(['d'.repeat(rules.maxLength)]);
    },
    60_000,
  );
});

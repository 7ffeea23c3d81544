/**
 * Real borg with BORG_PASSCOMMAND on a temporary encrypted repository: the passcommands are small
 * shell programs in the sandbox. A failure names the command and its exit code and first stderr
 * line, never what the command printed on stdout.
 */
import { chmod, writeFile } from 'node:fs/promises';
// eslint-disable-next-line no-restricted-imports -- the test asks Python's shlex, the splitter borg uses
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BorgLogEvent } from './log-json.js';
import { runInit } from './commands/init.js';
import { runListArchives } from './commands/list-archives.js';
import { isBorgError } from './errors.js';
import { PASSCOMMAND_REMEDY } from './passcommand-errors.js';
import { writeShellProgram } from './test-programs.js';
import { encryptionModeFor } from './command-shape.js';
import { createSandbox, testBorgCapabilities, type BorgSandbox } from './test-sandbox.js';
import { shlexSplit } from '../model/passcommand-syntax.js';

const PASSPHRASE = 'passcommand borg 91d2-secret';
const WRONG = 'wrong-printed-9b77';
let sandbox: BorgSandbox;
let repo: string;

beforeAll(async () => {
  sandbox = await createSandbox();
  repo = sandbox.path('repo');
  await runInit({ location: repo, encryption: 'repokey-blake2', newPassphrase: PASSPHRASE }, sandbox.ctx());
  await writeShellProgram(sandbox.path('good.sh'), `printf '%s\\n' '${PASSPHRASE}'`);
  await writeShellProgram(sandbox.path('wrong.sh'), `echo '${WRONG}'`);
  await writeShellProgram(
    sandbox.path('fail.sh'),
    `echo '${WRONG}'\necho 'gpg: decryption failed: No secret key' >&2\nexit 3`,
  );
  await writeFile(sandbox.path('not-executable.sh'), `#!/bin/sh\necho '${PASSPHRASE}'\n`);
  await chmod(sandbox.path('not-executable.sh'), 0o644);
}, 60_000);

afterAll(() => sandbox.cleanup());

/** The error `borg list` raises with `passcommand`, and every event and raw line borg wrote. */
async function failingList(passcommand: string): Promise<{ error: unknown; events: BorgLogEvent[] }> {
  const events: BorgLogEvent[] = [];
  const error = await runListArchives(
    { location: repo },
    sandbox.ctx({ passcommand, onEvent: (e) => events.push(e) }),
  ).then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error, events };
}

describe('BORG_PASSCOMMAND with real borg', () => {
  it('opens the repository with a command that prints the passphrase', async () => {
    const listing = await runListArchives(
      { location: repo },
      sandbox.ctx({ passcommand: sandbox.path('good.sh') }),
    );
    // borg 2 names the mode after its cipher: repokey-blake2-aes-ocb.
    expect(listing.encryption).toBe(encryptionModeFor(await testBorgCapabilities(), 'repokey-blake2'));
  });

  it('names the command, its exit code and first stderr line, not its stdout', async () => {
    const command = sandbox.path('fail.sh');
    const { error } = await failingList(command);
    expect(isBorgError(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'PasscommandFailed',
      message: `The passphrase command “${command}” failed (exit code 3: gpg: decryption failed: No secret key).`,
      remedy: PASSCOMMAND_REMEDY,
    });
    expect(JSON.stringify(error)).not.toContain(WRONG);
    expect((error as Error).message).not.toContain(WRONG);
  });

  it('says the printed passphrase is wrong, naming the command', async () => {
    const command = `sh ${sandbox.path('wrong.sh')}`;
    const { error, events } = await failingList(command);
    expect(error).toMatchObject({
      code: 'PassphraseWrong',
      message: `The passphrase command “${command}” printed a passphrase this repository does not accept.`,
    });
    expect(JSON.stringify(events)).not.toContain(WRONG);
  });

  it('tells a missing program and a file that cannot be run apart', async () => {
    const missing = sandbox.path('no-such-program');
    expect((await failingList(`${missing} --flag`)).error).toMatchObject({
      code: 'PasscommandFailed',
      message: `The passphrase command “${missing} --flag” could not be started: there is no program “${missing}”.`,
    });
    const notExecutable = sandbox.path('not-executable.sh');
    const { error, events } = await failingList(notExecutable);
    expect(error).toMatchObject({
      code: 'PasscommandFailed',
      message: `The passphrase command “${notExecutable}” could not be started (permission denied).`,
    });
    expect(JSON.stringify(events)).not.toContain(PASSPHRASE);
  });

  it('leaves other failures alone', async () => {
    const { error } = await runListArchives(
      { location: sandbox.path('nothing-here') },
      sandbox.ctx({ passcommand: sandbox.path('good.sh') }),
    ).then(
      () => ({ error: undefined }),
      (e: unknown) => ({ error: e }),
    );
    expect(error).toMatchObject({ code: 'RepositoryDoesNotExist' });
  });
});

const SAMPLES = [
  'pass show borg/home',
  'secret-tool lookup borg home',
  "sh -c 'pass show borg/home | head -n 1'",
  'gpg --quiet --decrypt "/home/me/My Secrets/borg.gpg"',
  'echo a\\ b "c\\"d" \'e\\f\' "g\\h" x""y \'\'',
  'cat \\~/file   ',
  '"unterminated',
  "it's",
  'ends with \\',
  '  lots   of    space ',
  'mixed"quo"ted\'words\'here',
];

async function pythonSplit(s: string): Promise<string[] | 'error'> {
  const script =
    'import json,shlex,sys\ntry:\n print(json.dumps(shlex.split(sys.argv[1])))\nexcept ValueError:\n print(json.dumps("error"))';
  const { stdout } = await execa('python3', ['-c', script, s]);
  return JSON.parse(stdout) as string[] | 'error';
}

// Borg hands the passcommand to Python's shlex.split: Borgdesk's check must split (and refuse) alike.
describe('shlexSplit', () => {
  it.each(SAMPLES)('splits %s exactly as Python’s shlex.split', async (sample) => {
    const ours = shlexSplit(sample);
    expect(typeof ours === 'string' ? 'error' : ours).toEqual(await pythonSplit(sample));
  });
});

/**
 * The recovery kit's self-test: proves that an exported key plus the passphrase open the
 * repository, the way a new computer would have to. Keyfile modes: `borg key import` into a
 * throw-away keys folder (with throw-away config, security and cache folders, so nothing this
 * computer knows helps) and `borg list` from there. Repokey modes: `borg key import` would write
 * into the repository itself, so instead the key is decrypted here with the passphrase, exactly as
 * borg does (key-blob.ts), and must carry this repository's id; `borg list` with the passphrase then
 * proves the repository opens. Each step that passed is reported in plain words.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runKeyImport } from '../../borg/commands/key-import.js';
import { runListArchives } from '../../borg/commands/list-archives.js';
import { BorgError } from '../../borg/errors.js';
import type { BorgContext } from '../../borg/exec.js';
import { keyFileText, openKeyBlob, readExportedKey } from '../../borg/key-blob.js';

/** What the self-test checks. */
export interface SelfTestInput {
  readonly location: string;
  readonly name: string;
  /** Borg path, signal and prompts; no passphrase (the one under test is passed on its own). */
  readonly ctx: BorgContext;
  readonly passphrase: string;
  readonly keyfile: boolean;
  /** The repository's real id (from a fresh `borg key export`). */
  readonly repositoryId: string;
  /** The exported key under test: key file text, paper key or QR page. */
  readonly keyText: string;
}

/** What was proven, step by step. */
export interface SelfTestResult {
  readonly proven: string[];
  readonly archiveCount: number;
}

function otherRepository(name: string): BorgError {
  return new BorgError({
    code: 'KeyInvalid',
    message: `This key belongs to a different repository, not to “${name}”.`,
    remedy: 'Export the key of this repository again and keep that copy.',
    reason: 'selfTestKeyOfOtherRepository',
    params: { name },
  });
}

// borg 2's Argon2 keys can't be opened here (Node 20 has no Argon2): the test goes on with what
// borg itself can prove, and says what it left unchecked.
function argon2KeyIsUnchecked(e: unknown): undefined {
  if (e instanceof BorgError && e.code === 'KeyFormatUnsupported') return undefined;
  throw e;
}

/** Runs the self-test; rejects with PassphraseWrong, KeyInvalid or borg's own error. */
export async function runSelfTest(input: SelfTestInput): Promise<SelfTestResult> {
  const key = readExportedKey(input.keyText);
  if (key.repositoryIdPrefix !== input.repositoryId.slice(0, 18)) throw otherRepository(input.name);
  const opened = await openKeyBlob(key.blob, input.passphrase).catch(argon2KeyIsUnchecked);
  if (opened !== undefined && opened.repositoryId !== input.repositoryId) throw otherRepository(input.name);
  const proven = [
    `The key belongs to this repository (id ${input.repositoryId.slice(0, 12)}…).`,
    opened !== undefined
      ? 'The passphrase decrypts the key.'
      : input.keyfile
        ? 'The key is protected with Argon2 (borg 2), which Borgdesk cannot decrypt itself, so borg checks it below.'
        : 'The key is protected with Argon2 (borg 2), which Borgdesk cannot decrypt itself: to prove the exported copy, import it on a computer with borg 2.',
  ];
  const { passcommand: _none, ...ctx } = input.ctx;
  if (!input.keyfile) {
    const listing = await runListArchives(
      { location: input.location },
      { ...ctx, passphrase: input.passphrase },
    );
    proven.push(
      `With the passphrase, borg opened the repository and listed ${listing.archives.length} archive(s). ` +
        'Its key is stored inside the repository; the exported copy was checked above without writing anything.',
    );
    return { proven, archiveCount: listing.archives.length };
  }
  const scratch = await mkdtemp(path.join(tmpdir(), 'borgdesk-selftest-'));
  try {
    const folders = {
      BORG_KEYS_DIR: path.join(scratch, 'keys'),
      BORG_SECURITY_DIR: path.join(scratch, 'security'),
      BORG_CONFIG_DIR: path.join(scratch, 'config'),
      BORG_CACHE_DIR: path.join(scratch, 'cache'),
    };
    const text = keyFileText(input.repositoryId, key.blob);
    await runKeyImport({ location: input.location, source: { kind: 'file', text } }, { ...ctx, folders });
    const listing = await runListArchives(
      { location: input.location },
      { ...ctx, folders, passphrase: input.passphrase },
    );
    proven.push(
      `In an empty key folder, as on a new computer, borg imported the key and listed ${listing.archives.length} archive(s) with the passphrase.`,
    );
    return { proven, archiveCount: listing.archives.length };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

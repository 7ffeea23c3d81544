// Integration: borg key change-passphrase / export / import with the real borg (TEST_BORG: 1.2.4, or
// 1.4 / 2), on repokey and keyfile repositories, through a wrapper that records every argv and environment.
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBorgError, type BorgErrorCode } from '../errors.js';
import { keyBlobAlgorithm, openKeyBlob, parseKeyFileText } from '../key-blob.js';
import { parsePaperKey } from '../paper-key.js';
import { encryptionModeFor } from '../command-shape.js';
import { createSandbox, TEST_BORG, testBorgCapabilities, type BorgSandbox } from '../test-sandbox.js';
import { writeShellProgram } from '../test-programs.js';
import { runInit } from './init.js';
import { runChangePassphrase } from './key-change-passphrase.js';
import { runKeyExport } from './key-export.js';
import { runKeyImport } from './key-import.js';
import { runListArchives } from './list-archives.js';

const OLD = 'old-secret-alpha 7';
const NEW = 'new-secret-beta 9';
// Offered as a new passphrase that must never take; long enough not to turn up in a random temp path.
const UNUSED = 'unused-secret-gamma 4';
let box: BorgSandbox;
let borgPath = '';
let spyLog = '';

async function failure(promise: Promise<unknown>): Promise<BorgErrorCode | unknown> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return isBorgError(error) ? error.code : error;
}

// The spy borg with the sandbox borg's capability table (box.ctx carries it).
const ctx = (passphrase?: string) =>
  box.ctx({ borgPath, ...(passphrase === undefined ? {} : { passphrase }) });
const list = (location: string, passphrase: string) => runListArchives({ location }, ctx(passphrase));
const keysDir = () => path.join(process.env.BORG_BASE_DIR ?? '', '.config', 'borg', 'keys');

async function newRepo(name: string, encryption: 'repokey' | 'keyfile'): Promise<string> {
  const location = box.path(name);
  await runInit({ location, encryption, newPassphrase: OLD }, ctx());
  return location;
}

// The QR page carries the key file text in its textarea.
function keyFromQrHtml(html: string): string {
  const match = /<textarea[^>]*>([\s\S]*?)<\/textarea>/.exec(html);
  return match?.[1] ?? '';
}

beforeAll(async () => {
  box = await createSandbox();
  spyLog = box.path('spy.log');
  // Records what each borg process was given (argv and complete environment), then runs the real borg.
  borgPath = await writeShellProgram(
    box.path('borg-spy'),
    `{ echo "ARGV $*"; env; } >> '${spyLog}'\nexec ${TEST_BORG} "$@"`,
  );
});

afterAll(async () => {
  await box.cleanup();
});

describe.each(['repokey', 'keyfile'] as const)('%s repository', (kind) => {
  let repo = '';
  // What borg reports for it: the same name on borg 1, borg 2's AES-OCB mode (repokey-aes-ocb).
  let mode = '';
  beforeAll(async () => {
    mode = encryptionModeFor(await testBorgCapabilities(), kind);
    repo = await newRepo(`repo-${kind}`, kind);
  });

  it('changes the passphrase: the old one stops working, the new one works', async () => {
    await runChangePassphrase({ location: repo, oldPassphrase: OLD, newPassphrase: NEW }, ctx(OLD));
    expect((await list(repo, NEW)).encryption).toBe(mode);
    expect(await failure(list(repo, OLD))).toBe('PassphraseWrong');
  });

  it('leaves the passphrase as it was when the current one given is wrong', async () => {
    const wrong = runChangePassphrase(
      { location: repo, oldPassphrase: 'not it', newPassphrase: UNUSED },
      ctx(),
    );
    expect(await failure(wrong)).toBe('PassphraseWrong');
    // Even when the "new" one happens to be the real current one (borg reads it as a second try).
    const same = runChangePassphrase({ location: repo, oldPassphrase: 'not it', newPassphrase: NEW }, ctx());
    expect(await failure(same)).toBe('PassphraseWrong');
    expect((await list(repo, NEW)).encryption).toBe(mode);
    expect(await failure(list(repo, UNUSED))).toBe('PassphraseWrong');
  });

  it('exports the key in all three forms, each carrying this repository id and key', async () => {
    const { repositoryId } = await list(repo, NEW);
    const file = await runKeyExport({ location: repo, format: 'file' }, ctx(NEW));
    const parsed = parseKeyFileText(file);
    expect(parsed.repositoryId).toBe(repositoryId);
    const caps = await testBorgCapabilities();
    expect(keyBlobAlgorithm(parsed.blob)).toBe(caps.keyAlgorithm);
    if (caps.keyAlgorithm === 'sha256') {
      expect(await openKeyBlob(parsed.blob, NEW)).toEqual({ repositoryId });
      expect(await failure(openKeyBlob(parsed.blob, OLD))).toBe('PassphraseWrong');
    } else {
      // borg 2's Argon2 keys: Borgdesk says it cannot check them itself rather than calling them damaged.
      expect(await failure(openKeyBlob(parsed.blob, NEW))).toBe('KeyFormatUnsupported');
    }
    const paper = parsePaperKey(await runKeyExport({ location: repo, format: 'paper' }, ctx()));
    expect(paper.repositoryIdPrefix).toBe(repositoryId.slice(0, 18));
    expect(paper.blob.equals(parsed.blob)).toBe(true);
    const html = await runKeyExport({ location: repo, format: 'qr-html' }, ctx());
    expect(html).toContain('<html');
    expect(parseKeyFileText(keyFromQrHtml(html)).blob.equals(parsed.blob)).toBe(true);
  });

  it('imports the key back from a file, from paper lines and from the QR page', async () => {
    const file = await runKeyExport({ location: repo, format: 'file' }, ctx());
    const paper = await runKeyExport({ location: repo, format: 'paper' }, ctx());
    const qr = keyFromQrHtml(await runKeyExport({ location: repo, format: 'qr-html' }, ctx()));
    const sources = [
      { kind: 'file', text: file },
      { kind: 'paper', text: paper },
      { kind: 'file', text: qr },
    ] as const;
    for (const source of sources) {
      if (kind === 'keyfile') {
        // As on a new computer: no key file, so borg cannot open the repository.
        for (const name of await readdir(keysDir())) await rm(path.join(keysDir(), name));
        expect(await failure(list(repo, NEW))).toBe('KeyNotFound');
      }
      await runKeyImport({ location: repo, source }, ctx(NEW));
      expect((await list(repo, NEW)).encryption).toBe(mode);
    }
  });

  it("refuses another repository's key and a mistyped paper line", async () => {
    const other = await newRepo(`other-${kind}`, kind);
    const foreign = await runKeyExport({ location: other, format: 'file' }, ctx());
    expect(
      await failure(runKeyImport({ location: repo, source: { kind: 'file', text: foreign } }, ctx())),
    ).toBe('KeyInvalid');
    const foreignPaper = await runKeyExport({ location: other, format: 'paper' }, ctx());
    expect(
      await failure(runKeyImport({ location: repo, source: { kind: 'paper', text: foreignPaper } }, ctx())),
    ).toBe('KeyInvalid');
    const paper = await runKeyExport({ location: repo, format: 'paper' }, ctx());
    // Change one hex digit of line 2. Its checksum is one byte, so 1 change in 256 still matches it
    // (borg's format): take the first digit that really breaks the line, as nearly every typo does.
    const typos = [...'0123456789abcdef'].map((digit) =>
      paper.replace(/^( 2: )(.)/m, (all, head: string, c: string) => (c === digit ? all : head + digit)),
    );
    const typo = typos.find((text) => {
      if (text === paper) return false;
      try {
        parsePaperKey(text);
        return false;
      } catch (e) {
        return e instanceof Error && e.message.startsWith('Line 2 has a typo');
      }
    });
    if (typo === undefined) throw new Error('no one-digit typo of line 2 breaks its checksum');
    const error = await runKeyImport({ location: repo, source: { kind: 'paper', text: typo } }, ctx()).catch(
      (e: unknown) => e,
    );
    expect(isBorgError(error) && error.message).toBe('Line 2 has a typo: its checksum does not match.');
    expect(
      await failure(runKeyImport({ location: repo, source: { kind: 'file', text: 'hello' } }, ctx())),
    ).toBe('KeyInvalid');
    expect((await list(repo, NEW)).encryption).toBe(mode);
  });
});

describe('leak check', () => {
  it('never gave borg a passphrase in argv or the environment', async () => {
    const seen = await readFile(spyLog, 'utf8');
    expect(seen).toContain('ARGV --log-json key change-passphrase');
    expect(seen).toContain('ARGV --log-json key import --paper');
    for (const secret of [OLD, NEW, 'not it', UNUSED]) expect(seen).not.toContain(secret);
    expect(seen).not.toMatch(/BORG_(?:NEW_)?PASSPHRASE=/);
  });
});

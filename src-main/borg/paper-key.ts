/**
 * Borg 1.x's paper key format (borg/crypto/keymanager.py, export_paperkey / import_paperkey):
 *   id: LINES / REPOID(first 18 hex) / SHA256(key)[:12] - SHA256(that)[:2]
 *    N: HEX of 18 key bytes - SHA256(N as 2 bytes big-endian + bytes)[:2]
 * Spaces are only for reading. Checking every checksum here turns a typo into a message that names
 * its line, before borg's dialog (which would just ask for the line again) ever runs.
 */
import { createHash } from 'node:crypto';
import { BorgError } from './errors.js';

/** A paper key whose checksums all match. */
export interface PaperKey {
  /** The id line without "id:", lower case, spaces removed. */
  readonly idLine: string;
  /** The first 18 hex digits of the repository id it belongs to. */
  readonly repositoryIdPrefix: string;
  /** The data lines without their "N:" prefix, lower case, spaces removed. */
  readonly lines: readonly string[];
  /** The key blob the lines spell out (borg's encrypted key, as in a key file). */
  readonly blob: Buffer;
}

const sha = (data: Buffer | string, digits: number): string =>
  createHash('sha256').update(data).digest('hex').slice(0, digits);

/** Which check of a paper key failed, for the UI's words. */
interface PaperKeyProblem {
  readonly reason: string;
  readonly params?: Readonly<Record<string, number>>;
}

function invalid(message: string, detail: PaperKeyProblem): BorgError {
  return new BorgError({
    code: 'KeyInvalid',
    message,
    ...detail,
    remedy: 'Compare the line with the printed key (0-9, a-f and one "-" per line) and type it again.',
  });
}

/** Parses and checks a typed or exported paper key; rejects with KeyInvalid naming the bad line. */
export function parsePaperKey(text: string): PaperKey {
  const rows = text.split(/\r?\n/).map((row) => row.trim());
  const idRow = rows.find((row) => /^id\s*:/i.test(row));
  if (idRow === undefined) throw invalid('The paper key has no "id:" line.', { reason: 'paperNoIdLine' });
  const idLine = idRow
    .replace(/^id\s*:/i, '')
    .replace(/\s+/g, '')
    .toLowerCase();
  const [idData = '', idSum, extra] = idLine.split('-');
  const [count = '', repositoryIdPrefix = '', total = '', more] = idData.split('/');
  if (idSum === undefined || extra !== undefined || more !== undefined || !/^\d+$/.test(count)) {
    throw invalid('The "id:" line is not complete: it needs three parts separated by "/" and a "-".', {
      reason: 'paperIdIncomplete',
    });
  }
  if (sha(idData, 2) !== idSum)
    throw invalid('The "id:" line has a typo: its checksum does not match.', { reason: 'paperIdTypo' });
  const expected = Number(count);
  const byNumber = new Map<number, string>();
  for (const row of rows) {
    const match = /^(\d+)\s*:(.*)$/.exec(row);
    if (match) byNumber.set(Number(match[1]), (match[2] ?? '').replace(/\s+/g, '').toLowerCase());
  }
  const lines: string[] = [];
  const parts: Buffer[] = [];
  for (let n = 1; n <= expected; n++) {
    const line = byNumber.get(n);
    if (line === undefined)
      throw invalid(`Line ${n} of ${expected} is missing.`, {
        reason: 'paperLineMissing',
        params: { n, expected },
      });
    const [hex = '', sum, extraDash] = line.split('-');
    if (sum === undefined || extraDash !== undefined || !/^(?:[0-9a-f]{2})+$/.test(hex)) {
      throw invalid(`Line ${n} is not valid: only 0-9, a-f and one "-" belong in it.`, {
        reason: 'paperLineInvalid',
        params: { n },
      });
    }
    const bytes = Buffer.from(hex, 'hex');
    const index = Buffer.alloc(2);
    index.writeUInt16BE(n);
    if (sha(Buffer.concat([index, bytes]), 2) !== sum)
      throw invalid(`Line ${n} has a typo: its checksum does not match.`, {
        reason: 'paperLineTypo',
        params: { n },
      });
    lines.push(line);
    parts.push(bytes);
  }
  const blob = Buffer.concat(parts);
  if (sha(blob, 12) !== total)
    throw invalid('Every line checks out, but the whole key does not: a line may be swapped.', {
      reason: 'paperKeySwapped',
    });
  return { idLine, repositoryIdPrefix, lines, blob };
}

/** What borg's `key import --paper` dialog reads on stdin: the id line, then each data line. */
export function paperKeyDialog(key: PaperKey): string {
  return [key.idLine, ...key.lines].map((line) => `${line}\n`).join('');
}

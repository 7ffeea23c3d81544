import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isBorgError } from './errors.js';
import { paperKeyDialog, parsePaperKey } from './paper-key.js';

const sha = (data: Buffer | string, n: number): string =>
  createHash('sha256').update(data).digest('hex').slice(0, n);

// A paper key for 20 bytes, built the way borg's export_paperkey does.
function paper(blob: Buffer, repoid = '5d8a5d6bd9d2d5cd94'): string {
  const lines = Math.ceil(blob.length / 18);
  const total = sha(blob, 12);
  const data = `${lines}/${repoid}/${total}`;
  const rows = [`id: ${data} - ${sha(data, 2)}`];
  for (let i = 0; i < lines; i++) {
    const part = blob.subarray(i * 18, i * 18 + 18);
    const index = Buffer.from([0, i + 1]);
    rows.push(
      `${String(i + 1).padStart(2)}: ${part.toString('hex')} - ${sha(Buffer.concat([index, part]), 2)}`,
    );
  }
  return `To restore key use borg key import --paper /path/to/repo\n\nBORG PAPER KEY v1\n${rows.join('\n')}\n`;
}

function message(text: string): string {
  try {
    parsePaperKey(text);
    return 'accepted';
  } catch (e) {
    return isBorgError(e) ? e.message : String(e);
  }
}

describe('parsePaperKey', () => {
  const blob = Buffer.from('00112233445566778899aabbccddeeff0011', 'hex');
  const both = Buffer.concat([blob, Buffer.from('abcd', 'hex')]);

  it('reads a key typed with odd spacing and upper case, and writes borg dialog lines', () => {
    const typed = paper(both).toUpperCase().replace(/ - /g, '-');
    const key = parsePaperKey(typed);
    expect(key.blob.equals(both)).toBe(true);
    expect(key.repositoryIdPrefix).toBe('5d8a5d6bd9d2d5cd94');
    expect(paperKeyDialog(key).split('\n')).toHaveLength(4);
  });

  it('names the line with a typo, a missing line and a missing id line', () => {
    const text = paper(both);
    expect(message(text.replace(/^( 2: )a/m, '$1b'))).toBe('Line 2 has a typo: its checksum does not match.');
    expect(message(text.replace(/^ 2:.*$/m, ''))).toBe('Line 2 of 2 is missing.');
    expect(message(text.replace(/^id:.*$/m, ''))).toBe('The paper key has no "id:" line.');
    expect(message(text.replace(/^( 1: )0/m, '$1g'))).toContain('Line 1 is not valid');
  });
});

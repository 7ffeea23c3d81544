/**
 * Test-only: the source tree the restore integration tests back up and restore. Awkward names on
 * purpose (spaces, non-ASCII, "-rf", "--help", glob characters, a trailing space, "?"), a symlink,
 * an empty folder, and fixed mtimes so restored times can be compared.
 */
import { readFile, readdir, mkdir, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'vitest';
import { isBorgError, type BorgErrorCode } from '../errors.js';

/** The mtime of every file of the tree. */
export const FILE_TIME = new Date('2021-03-04T05:06:07.250Z');
/** The mtime of every folder of the tree. */
export const DIR_TIME = new Date('2020-01-02T03:04:05.500Z');

// Known bytes that are not trivially compressible or repetitive.
const deep = Array.from({ length: 20_000 }, (_, i) => ((i * 2654435761) >>> 0).toString(36)).join('');

/** Archive path → content of every regular file. */
export const SOURCE_FILES: Readonly<Record<string, string>> = {
  'src/Fotos 2024/Ämter ÷ 東京.txt': 'Ämter ÷ 東京\n',
  'src/Fotos 2024/sub/deep.bin': deep,
  'src/notes.txt': 'notes\n',
  'src/-rf': 'not an option\n',
  'src/--help/inside.txt': 'inside a folder named --help\n',
  'src/odd/a*b': 'star',
  'src/odd/axb': 'what a glob a*b would also match',
  'src/odd/[x]': 'brackets',
  'src/odd/x': 'what a glob [x] would match',
  'src/odd/sp ace': 'space',
  'src/odd/trail ': 'trailing space',
  'src/odd/trail': 'what a stripped line would match',
  'src/odd/q?x': 'question mark',
  'src/odd/qax': 'what a glob q?x would match',
};

/** Every folder, parents first. */
export const SOURCE_DIRS = [
  'src',
  'src/Fotos 2024',
  'src/Fotos 2024/sub',
  'src/--help',
  'src/odd',
  'src/empty',
];

/** Writes the tree under root (src/...) and sets its mtimes, folders last. */
export async function makeSourceTree(root: string): Promise<void> {
  for (const dir of SOURCE_DIRS) await mkdir(path.join(root, dir), { recursive: true });
  for (const [file, content] of Object.entries(SOURCE_FILES)) {
    await writeFile(path.join(root, file), content);
    await utimes(path.join(root, file), FILE_TIME, FILE_TIME);
  }
  await symlink('notes.txt', path.join(root, 'src/link'));
  for (const dir of [...SOURCE_DIRS].reverse()) await utimes(path.join(root, dir), DIR_TIME, DIR_TIME);
}

/** A time as borg prints it: local time, microseconds, and (borg 2, withZone) the local UTC offset. */
export function borgTime(d: Date, withZone = false): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  const date = `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
  const time = `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
  const local = `${date}T${time}.${String(d.getMilliseconds()).padStart(3, '0')}000`;
  if (!withZone) return local;
  const east = -d.getTimezoneOffset();
  const sign = east < 0 ? '-' : '+';
  return `${local}${sign}${two(Math.floor(Math.abs(east) / 60))}:${two(Math.abs(east) % 60)}`;
}

/** Pids of running processes whose command line contains text (Linux /proc). */
export async function processesMentioning(text: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.split('\0').some((arg) => arg.includes(text))) pids.push(Number(entry));
  }
  return pids;
}

/** Asserts that `promise` rejects with the borg error `code`. */
export async function expectBorgError(promise: Promise<unknown>, code: BorgErrorCode): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isBorgError(error) ? error.code : error).toBe(code);
}

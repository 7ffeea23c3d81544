/**
 * Integration (real /usr/bin/borg): the tester must agree with `borg create --dry-run --list` on a
 * real folder tree, for every pattern style, for --pattern and --exclude, in the order Borgdesk
 * passes them.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBorg } from '../../borg/exec.js';
import { createSandbox, type BorgSandbox } from '../../borg/test-sandbox.js';
import { borgPatternArgs, testPath } from './patterns.js';
import { toArchivePath, type PatternRules } from '../../model/pattern-rules.js';

const FILES = [
  'home/user/file.o',
  'home/user/file.odt',
  'home/user/junk/a',
  'home/user/subdir/junk/b',
  'home/user/importantjunk',
  'home/user/cache/important',
  'home/user/cache/sub/c',
  'home/user/.thumbnails/t.png',
  'home/user/deep/.thumbnails/t.png',
  'home/user.tmp/f',
  'home/susan/Downloads/d',
  'home/susan/notes.txt',
  'home/bobby/specialfile.txt',
  'home/bobby/other.txt',
  'home/bob/.cache/x',
  'proc/1/status',
  'etc/junk',
  'etc/passwd',
  'pics/2018/good/a.jpg',
  'pics/2018/bad.jpg',
  'pics/2017/a.JPG',
  'app/node_modules/x/index.js',
  'app/node_modules_backup/y',
  'p/a.log',
  'p/d/e/b.log',
  'odd/what?',
  'odd/whatX',
  'odd/x[1',
];

let sandbox: BorgSandbox;
let src: string;
let P: string; // the source folder as borg matches it: no leading slash
let allPaths: string[];

beforeAll(async () => {
  sandbox = await createSandbox();
  src = sandbox.path('src');
  for (const f of FILES) await sandbox.writeText(path.join(src, f), f);
  P = toArchivePath(src);
  allPaths = [src, ...(await walk(src))];
});

afterAll(async () => {
  await sandbox.cleanup();
});

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    out.push(full);
    if (entry.isDirectory()) out.push(...(await walk(full)));
  }
  return out;
}

/** Paths `borg create --dry-run --list` would store, relative to the source folder. */
async function borgKeeps(rules: PatternRules): Promise<string[]> {
  const kept: string[] = [];
  await runBorg(
    ['create', '--dry-run', '--list', ...borgPatternArgs(rules), `${sandbox.path('repo')}::x`, src],
    sandbox.ctx({
      onEvent: (e) => {
        if (e.type === 'file_status' && e.status !== 'x') kept.push(e.path);
      },
    }),
  );
  return kept.map((p) => path.relative(src, p) || '.').sort();
}

function testerKeeps(rules: PatternRules): string[] {
  return allPaths
    .filter((p) => !testPath(p, { ...rules, roots: [src] }).excluded)
    .map((p) => path.relative(src, p) || '.')
    .sort();
}

const reEscape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('pattern tester vs real borg 1.2 (integration)', () => {
  const cases: [string, () => PatternRules][] = [
    [
      'fm/sh/re/pp/pf excludes from the docs',
      () => ({
        excludes: [
          '*.o',
          `${P}/home/*/junk`,
          `${P}/home/user/cache/`,
          `re:^${reEscape(P)}/home/[^/]+\\.tmp/`,
          `sh:${P}/home/*/.thumbnails`,
          `pp:/${P}/p/d`,
          `pf:${P}/etc/passwd`,
          `${P}/odd/what[?]`,
          `${P}/odd/x[1`,
        ],
        patterns: [],
      }),
    ],
    [
      "the docs' patterns file",
      () => ({
        excludes: [],
        patterns: [
          'P sh',
          `- ${P}/home/*/.cache`,
          `- ${P}/home/*/Downloads`,
          `+ ${P}/home/susan`,
          `+ pf:${P}/home/bobby/specialfile.txt`,
          `- ${P}/home/*`,
          `! ${P}/proc`,
        ],
      }),
    ],
    [
      'includes before excludes, P fm, regex flags, ** and !',
      () => ({
        excludes: ['sh:**/node_modules', 're:(?i)\\.jpg$', `${P}/home/user/cache`],
        patterns: [
          `+${P}/pics/2018/good`,
          `-${P}/pics/2018`,
          `+ ${P}/home/user/cache/important`,
          `- re:^${reEscape(P)}/home/user\\.tmp$`,
          `! re:^${reEscape(P)}/home/bob$`,
          'P fm',
          '- *.log',
        ],
      }),
    ],
  ];

  it.each(cases)('%s', async (_name, rules) => {
    const expected = await borgKeeps(rules());
    expect(expected.length).toBeGreaterThan(5); // borg really listed the tree
    expect(testerKeeps(rules())).toEqual(expected);
  });
});

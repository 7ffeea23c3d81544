// Integration: extracting names that look like borg patterns (re:, sh:, an unknown style, "?", a
// name that is not UTF-8), against the real /usr/bin/borg on a temporary repository.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBorg, type BorgContext } from '../exec.js';
import type { ArchiveItem } from '../json-output.js';
import type { BorgLogEvent } from '../log-json.js';
import { createSandbox, type BorgSandbox } from '../test-sandbox.js';
import { runExtract, runExtractDryRun, type ExtractOptions } from './extract.js';
import { runInit } from './init.js';
import { runListContents } from './list-contents.js';
import { expectBorgError } from './restore-test-tree.js';
import { archiveTail, capabilitiesOf, newArchiveTail } from '../command-shape.js';

const PASSPHRASE = 'restore me';
let box: BorgSandbox;
let repo = '';
let ctx: BorgContext;

async function listAll(archiveName: string): Promise<ArchiveItem[]> {
  const items: ArchiveItem[] = [];
  await runListContents({ location: repo, archiveName }, ctx, (item) => items.push(item));
  return items;
}

function extractOptions(extra: Partial<ExtractOptions>): ExtractOptions {
  return { location: repo, archiveName: 'one', paths: [], cwd: box.dir, stripComponents: 0, ...extra };
}

async function freshFolder(name: string): Promise<string> {
  const dir = box.path(name);
  await mkdir(dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  box = await createSandbox();
  repo = box.path('repo');
  ctx = box.ctx({ passphrase: PASSPHRASE });
  await runInit({ location: repo, encryption: 'repokey', newPassphrase: PASSPHRASE }, box.ctx());
});

afterAll(async () => {
  await box.cleanup();
});

describe('extract of names that look like borg patterns', () => {
  // Top-level names as `cd / && borg create ... re:odd` (or another tool) stores them: each starts
  // with what borg would read as a pattern style, next to look-alikes that pattern would also hit.
  const files: Readonly<Record<string, string>> = {
    're:odd/f': 'the folder named re:odd',
    're:odder/f': 'a look-alike a regex "odd" finds',
    'aodd/f': 'another name containing odd',
    'sh:a*/f': 'the folder named sh:a*',
    'a/f': 'a',
    'ab/f': 'a sibling that a prefix of "a" must not take along',
    'zz:x/f': 'a style borg does not know',
    'q?x/f': 'a real question mark',
    'qax/f': 'what a glob q?x would match',
  };
  // "lat" + 0xFF: not UTF-8. Borg lists it as "lat?", and no argument string can carry the byte.
  const latinName = Buffer.from([0x6c, 0x61, 0x74, 0xff]);

  // What a dry run of borg itself lists for these PATH arguments, as given.
  async function borgDryRun(...pathArgs: string[]): Promise<string[]> {
    const listed: string[] = [];
    const onEvent = (e: BorgLogEvent): void => {
      if (e.type !== 'log_message' || e.name !== 'borg.output.list') return;
      // Borg 2 lists every item of a dry run, "+ " for the ones it would write.
      if (!capabilitiesOf(ctx).extractListStatus) listed.push(e.message);
      else if (e.message.startsWith('+ ')) listed.push(e.message.slice(2));
    };
    await runBorg(
      ['extract', '--dry-run', '--list', ...archiveTail(capabilitiesOf(ctx), repo, 'looks', pathArgs)],
      {
        ...ctx,
        onEvent,
      },
    );
    return listed.sort();
  }

  async function restoreInto(name: string, paths: string[]): Promise<string> {
    const dest = await freshFolder(name);
    const outcome = await runExtract(extractOptions({ archiveName: 'looks', paths, cwd: dest }), ctx);
    expect(outcome).toEqual({ exitCode: 0, warnings: [] });
    return dest;
  }

  beforeAll(async () => {
    const looks = await freshFolder('looks');
    for (const [file, content] of Object.entries(files)) await box.writeText(path.join(looks, file), content);
    const latinDir = Buffer.concat([Buffer.from(`${looks}/`), latinName]);
    await mkdir(latinDir);
    await writeFile(Buffer.concat([latinDir, Buffer.from('/f')]), 'latin-1 name');
    // "." keeps every name at the top of the archive ("re:odd", not "looks/re:odd").
    await runBorg(['create', ...newArchiveTail(capabilitiesOf(ctx), repo, 'looks', ['.'])], ctx, {
      cwd: looks,
    });
  });

  it('proves the problem: borg reads a plain "re:odd" as a regex, "sh:a*" as a glob, "zz:x" not at all', async () => {
    expect(await borgDryRun('re:odd')).toEqual([
      'aodd',
      'aodd/f',
      're:odd',
      're:odd/f',
      're:odder',
      're:odder/f',
    ]);
    expect(await borgDryRun('sh:a*')).toEqual(['a', 'a/f', 'ab', 'ab/f', 'aodd', 'aodd/f']);
    await expectBorgError(borgDryRun('zz:x'), 'BorgFailed');
    // And the fix, checked on borg's own terms: pp: is what borg uses for a plain path.
    expect(await borgDryRun('pp:re:odd', 'pp:sh:a*', 'pp:zz:x')).toEqual([
      're:odd',
      're:odd/f',
      'sh:a*',
      'sh:a*/f',
      'zz:x',
      'zz:x/f',
    ]);
  });

  it('restores "re:odd", "sh:a*" and "zz:x" themselves and no look-alike', async () => {
    const selection = ['re:odd', 'sh:a*', 'zz:x'];
    const dryRun = await runExtractDryRun(extractOptions({ archiveName: 'looks', paths: selection }), ctx);
    expect(dryRun.sort()).toEqual(selection.flatMap((p) => [p, `${p}/f`]));
    const dest = await restoreInto('restore-looks', selection);
    expect((await readdir(dest)).sort()).toEqual(selection);
    for (const folder of selection) {
      expect(await readdir(path.join(dest, folder))).toEqual(['f']);
      expect(await readFile(path.join(dest, folder, 'f'), 'utf8')).toBe(files[`${folder}/f`]);
    }
  });

  it('takes a folder with its contents but not a sibling whose name starts with it ("a", not "ab")', async () => {
    const dest = await restoreInto('restore-prefix', ['a']);
    expect(await readdir(dest)).toEqual(['a']);
    expect(await readFile(path.join(dest, 'a/f'), 'utf8')).toBe(files['a/f']);
  });

  it('restores a folder whose name is not UTF-8 from its listed form, and "q?x" without "qax"', async () => {
    const listed = (await listAll('looks')).map((i) => i.path);
    expect(listed).toEqual(expect.arrayContaining(['lat?', 'lat?/f', 'q?x', 'qax']));
    const dest = await restoreInto('restore-latin', ['lat?', 'q?x']);
    const names = (await readdir(Buffer.from(dest), { encoding: 'buffer' })).map((n) => n.toString('hex'));
    expect(names.sort()).toEqual([latinName.toString('hex'), Buffer.from('q?x').toString('hex')].sort());
    const latinFile = Buffer.concat([Buffer.from(`${dest}/`), latinName, Buffer.from('/f')]);
    expect(await readFile(latinFile, 'utf8')).toBe('latin-1 name');
    expect(await readFile(path.join(dest, 'q?x/f'), 'utf8')).toBe(files['q?x/f']);
  });
});

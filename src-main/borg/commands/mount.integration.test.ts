// Integration: borg mount / umount and the FUSE check against the real /usr/bin/borg. Mounting needs
// FUSE and the right to mount (CAP_SYS_ADMIN or fusermount); where a trial mount fails, the mount
// tests print why and are skipped by this runtime check.
import { chmod, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { isBorgError } from '../errors.js';
import { runBorg } from '../exec.js';
import { createSandbox, TEST_BORG } from '../test-sandbox.js';
import { checkFuseAvailability } from './fuse-availability.js';
import { runInit } from './init.js';
import { runListContents } from './list-contents.js';
import { fuseAvailability, runMount, runUmount } from './mount.js';
import { makeSourceTree, SOURCE_FILES } from './restore-test-tree.js';
import { capabilitiesOf, newArchiveTail } from '../command-shape.js';

const box = await createSandbox();
const repo = box.path('repo');
// Encrypted: the passphrase pipe must not keep runMount waiting once borg went to the background.
const ctx = box.ctx({ passphrase: 'mount me' });
const mountPoints: string[] = [];

async function mountPoint(name: string): Promise<string> {
  const dir = box.path(name);
  await mkdir(dir, { recursive: true });
  mountPoints.push(dir);
  return dir;
}

await runInit({ location: repo, encryption: 'repokey', newPassphrase: 'mount me' }, box.ctx());
await makeSourceTree(box.dir);
await runBorg(['create', ...newArchiveTail(capabilitiesOf(ctx), repo, 'one', ['src'])], ctx, {
  cwd: box.dir,
});

// The runtime check: FUSE as borg sees it, then one real mount.
const availability = await fuseAvailability(TEST_BORG);
let cannotMount = availability.reason;
if (availability.available) {
  const trial = await mountPoint('trial');
  try {
    await runMount({ location: repo, archiveName: 'one', mountPoint: trial }, ctx);
    await runUmount({ mountPoint: trial }, ctx);
  } catch (e) {
    cannotMount = `a trial mount failed: ${e instanceof Error ? e.message : String(e)}`;
  }
}
if (cannotMount !== undefined) console.log(`Skipping the borg mount tests: ${cannotMount}`);

afterAll(async () => {
  for (const dir of mountPoints) await runUmount({ mountPoint: dir }, ctx).catch(() => undefined);
  await box.cleanup();
});

describe('mount', () => {
  it.skipIf(cannotMount !== undefined)('mounts an archive; a file reads back; umount ends it', async () => {
    const mnt = await mountPoint('archive');
    await runMount({ location: repo, archiveName: 'one', mountPoint: mnt }, ctx);
    // Borg 2 shows the archive as a folder of its name; borg 1 puts its files at the root.
    const foldered = capabilitiesOf(ctx).mountShowsArchiveFolders;
    expect(await readdir(mnt)).toEqual(foldered ? ['one'] : ['src']);
    const root = foldered ? `${mnt}/one` : mnt;
    const file = 'src/Fotos 2024/Ämter ÷ 東京.txt';
    expect(await readFile(`${root}/${file}`, 'utf8')).toBe(SOURCE_FILES[file]);
    expect(await readFile(`${root}/src/Fotos 2024/sub/deep.bin`, 'utf8')).toBe(
      SOURCE_FILES['src/Fotos 2024/sub/deep.bin'],
    );
    expect((await readdir(`${root}/src`)).sort()).toEqual(
      ['--help', '-rf', 'Fotos 2024', 'empty', 'link', 'notes.txt', 'odd'].sort(),
    );
    // The mount holds a shared lock: reading the repository still works.
    let listed = 0;
    await runListContents({ location: repo, archiveName: 'one' }, ctx, () => listed++);
    expect(listed).toBeGreaterThan(10);

    await runUmount({ mountPoint: mnt }, ctx);
    expect(await readdir(mnt)).toEqual([]);
    // Unmounting released the lock: a backup into the repository runs right away.
    await runBorg(['create', ...newArchiveTail(capabilitiesOf(ctx), repo, 'after-umount', ['src'])], ctx, {
      cwd: box.dir,
    });
  });

  it.skipIf(cannotMount !== undefined)('mounts a whole repository with one folder per archive', async () => {
    const mnt = await mountPoint('repository');
    await runMount({ location: repo, mountPoint: mnt }, ctx);
    expect(await readdir(mnt)).toContain('one');
    expect(await readFile(`${mnt}/one/src/notes.txt`, 'utf8')).toBe('notes\n');
    await runUmount({ mountPoint: mnt }, ctx);
  });

  it('reports a mount of a missing archive without mounting anything', async () => {
    const mnt = await mountPoint('missing');
    const error = await runMount({ location: repo, archiveName: 'nope', mountPoint: mnt }, ctx).catch(
      (e: unknown) => e,
    );
    expect(isBorgError(error) && error.code).toBe(
      availability.available ? 'ArchiveDoesNotExist' : 'BorgFailed',
    );
    expect(await readdir(mnt)).toEqual([]);
  });

  it('says which folder could not be unmounted', async () => {
    const notMounted = await mountPoint('not-mounted');
    const error = await runUmount({ mountPoint: notMounted }, ctx).catch((e: unknown) => e);
    expect(isBorgError(error) && error.code).toBe('BorgFailed');
    expect(isBorgError(error) && error.message).toContain(`${notMounted} could not be unmounted`);
  });
});

describe('fuseAvailability', () => {
  it.skipIf(cannotMount !== undefined)(
    'says yes where a mount works, and answers from its cache',
    async () => {
      expect(await fuseAvailability(TEST_BORG)).toEqual({ available: true });
      const started = performance.now();
      await fuseAvailability(TEST_BORG);
      expect(performance.now() - started).toBeLessThan(50);
    },
  );

  it("names the missing library when borg's Python has neither pyfuse3 nor llfuse", async () => {
    // The real borg, but its Python finds modules that refuse to load in place of the FUSE bindings.
    const fake = box.path('no-fuse-python');
    await mkdir(fake);
    for (const name of ['llfuse', 'pyfuse3'])
      await writeFile(`${fake}/${name}.py`, 'raise ImportError("no")\n');
    const borgPath = box.path('borg-without-fuse');
    await writeFile(borgPath, `#!/bin/sh\nPYTHONPATH='${fake}' exec ${TEST_BORG} "$@"\n`);
    await chmod(borgPath, 0o755);
    const host = {
      platform: 'linux' as const,
      isRoot: false,
      hasDevFuse: async () => true,
      hasFusermount: async () => true,
    };
    const check = await checkFuseAvailability(borgPath, host);
    expect(check.result.available).toBe(false);
    expect(check.result.reason).toContain('no FUSE library (pyfuse3 or llfuse)');
    expect(check.result.reason).toContain('BORG_FUSE_IMPL=pyfuse3,llfuse');
  });
});

import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listFolder } from './folder-listing.js';

/** Root reads every folder, so when tests run as root, act as 'nobody' for the duration of `fn`. */
async function withoutRootPrivileges<T>(fn: () => Promise<T>): Promise<T> {
  if (process.geteuid?.() !== 0 || process.seteuid === undefined) return fn();
  process.seteuid(65534);
  try {
    return await fn();
  } finally {
    process.seteuid(0);
  }
}

let root: string;
let ctx: { homeDir: string; platform: NodeJS.Platform; username: string; mountRoots: string[] };

beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-folders-'));
  const home = path.join(root, 'home');
  await fs.mkdir(path.join(home, 'Documents'), { recursive: true });
  await fs.mkdir(path.join(home, 'pictures'));
  await fs.mkdir(path.join(home, 'Music 10'));
  await fs.mkdir(path.join(home, 'Music 9'));
  await fs.mkdir(path.join(home, '.config'));
  await fs.writeFile(path.join(home, 'notes.txt'), 'x');
  await fs.writeFile(path.join(home, '.hidden-file'), 'x');
  await fs.symlink(path.join(home, 'Documents'), path.join(home, 'docs-link'));
  await fs.mkdir(path.join(root, 'media', 'USB Stick'), { recursive: true });
  ctx = {
    homeDir: home,
    platform: 'linux',
    username: 'ann',
    mountRoots: [path.join(root, 'media'), path.join(root, 'none')],
  };
});
afterEach(async () => {
  await fs.chmod(path.join(root, 'home', 'Documents'), 0o755).catch(() => undefined);
  await fs.rm(root, { recursive: true, force: true });
});

describe('listFolder', () => {
  it('lists the home folder by default: folders first, natural order, no hidden entries', async () => {
    const listing = await listFolder({}, ctx);
    expect(listing.path).toBe(ctx.homeDir);
    expect(listing.parent).toBe(root);
    expect(listing.entries.map((e) => [e.name, e.isDirectory])).toEqual([
      ['docs-link', true],
      ['Documents', true],
      ['Music 9', true],
      ['Music 10', true],
      ['pictures', true],
      ['notes.txt', false],
    ]);
    expect(listing.entries[1]?.path).toBe(path.join(ctx.homeDir, 'Documents'));
  });

  it('shows hidden entries only when asked', async () => {
    const names = (await listFolder({ path: ctx.homeDir, showHidden: true }, ctx)).entries.map((e) => e.name);
    expect(names).toContain('.config');
    expect(names).toContain('.hidden-file');
  });

  it('offers home, the root and mounted drives as places', async () => {
    const { places } = await listFolder({}, ctx);
    expect(places).toEqual([
      { label: 'Home', path: ctx.homeDir },
      { label: 'Computer', path: '/' },
      { label: 'USB Stick', path: path.join(root, 'media', 'USB Stick') },
    ]);
  });

  it('has no parent at the filesystem root', async () => {
    const listing = await listFolder({ path: '/' }, ctx);
    expect(listing.parent).toBeUndefined();
    expect(listing.entries.length).toBeGreaterThan(0);
  });

  it('explains an unreadable folder without a stack trace', async () => {
    const locked = path.join(ctx.homeDir, 'Documents');
    await fs.chmod(root, 0o755);
    await fs.chmod(ctx.homeDir, 0o755);
    await fs.chmod(locked, 0o000);
    const error = await withoutRootPrivileges(() =>
      listFolder({ path: locked }, ctx).catch((e: unknown) => e),
    );
    expect(error).toMatchObject({ code: 'FolderUnreadable' });
    expect((error as Error).message).toBe(`Borgdesk is not allowed to read ${locked}.`);
  });

  it('explains a missing folder, a file, and a relative path', async () => {
    await expect(listFolder({ path: path.join(root, 'nope') }, ctx)).rejects.toMatchObject({
      code: 'NotFound',
    });
    await expect(listFolder({ path: path.join(ctx.homeDir, 'notes.txt') }, ctx)).rejects.toMatchObject({
      code: 'InvalidInput',
    });
    await expect(listFolder({ path: 'relative/dir' }, ctx)).rejects.toMatchObject({ code: 'InvalidInput' });
  });

  it('caps a big folder, keeps its folders before its files, and says it was cut', async () => {
    const big = path.join(root, 'big');
    await fs.mkdir(big);
    // Files are created first so a plain "first N read" would return files only.
    for (let i = 0; i < 30; i += 1) await fs.writeFile(path.join(big, `file-${i}`), '');
    for (let i = 0; i < 4; i += 1) await fs.mkdir(path.join(big, `dir-${i}`));
    const listing = await listFolder({ path: big }, { ...ctx, maxEntries: 10 });
    expect(listing.truncated).toBe(true);
    expect(listing.entries).toHaveLength(10);
    expect(listing.entries.slice(0, 4).map((e) => e.name)).toEqual(['dir-0', 'dir-1', 'dir-2', 'dir-3']);

    const exact = await listFolder({ path: big }, { ...ctx, maxEntries: 34 });
    expect(exact.entries).toHaveLength(34);
    expect(exact.truncated).toBeUndefined();
  });
});

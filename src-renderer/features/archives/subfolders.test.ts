import { describe, expect, it } from 'vitest';
import type { ArchiveEntry, FolderPage } from '../../../src-main/model/archive.js';
import { readSubfolders } from './subfolders.js';

const item = (name: string, type: ArchiveEntry['type']): ArchiveEntry => ({
  name,
  path: `top/${name}`,
  type,
  size: 0,
  mtime: '2024-01-01T00:00:00',
  mode: type === 'directory' ? 'drwxr-xr-x' : '-rw-r--r--',
  user: 'ann',
  group: 'ann',
});

/** A folder listed folders first, served in windows like `archives:folder`, counting requests. */
function folder(dirs: number, files: number, complete = true) {
  const all = [
    ...Array.from({ length: dirs }, (_, i) => item(`d${String(i).padStart(5, '0')}`, 'directory')),
    ...Array.from({ length: files }, (_, i) => item(`f${i}`, 'file')),
  ];
  const requests: number[] = [];
  const fetchPage = (offset: number, limit: number): Promise<FolderPage> => {
    requests.push(offset);
    const entries = all.slice(offset, offset + limit);
    return Promise.resolve({ path: 'top', entries, total: all.length, offset, complete });
  };
  return { fetchPage, requests };
}

describe('readSubfolders', () => {
  it('takes the leading directories of one page when files follow', async () => {
    const { fetchPage, requests } = folder(3, 40);
    const result = await readSubfolders(fetchPage, 10);
    expect(result.folders.map((f) => f.name)).toEqual(['d00000', 'd00001', 'd00002']);
    expect(result.complete).toBe(true);
    expect(requests).toEqual([0]);
  });

  it('reads further pages only while a whole page was directories', async () => {
    const { fetchPage, requests } = folder(25, 5);
    const result = await readSubfolders(fetchPage, 10);
    expect(result.folders).toHaveLength(25);
    expect(requests).toEqual([0, 10, 20]);
  });

  it('stops at the end of a folder made only of directories, even on a page boundary', async () => {
    const { fetchPage, requests } = folder(20, 0);
    const result = await readSubfolders(fetchPage, 10);
    expect(result.folders).toHaveLength(20);
    expect(requests).toEqual([0, 10]);
  });

  it('reports an incomplete folder while the index is still loading', async () => {
    const { fetchPage } = folder(0, 0, false);
    expect(await readSubfolders(fetchPage)).toEqual({ folders: [], complete: false });
  });

  it('passes the read error on', async () => {
    await expect(readSubfolders(() => Promise.reject(new Error('gone')))).rejects.toThrow('gone');
  });
});

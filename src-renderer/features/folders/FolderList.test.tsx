import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { FolderListing } from '../../../src-main/model/folders.js';
import { FolderList } from './FolderList.js';

const listing = (extra: Partial<FolderListing>): FolderListing => ({
  path: '/data',
  parent: '/',
  entries: [
    { name: 'a', path: '/data/a', isDirectory: true },
    { name: 'b.txt', path: '/data/b.txt', isDirectory: false },
  ],
  places: [],
  ...extra,
});

const render = (value: FolderListing): string =>
  renderToStaticMarkup(
    <FolderList listing={value} loading={false} selected={[]} onOpen={() => {}} onToggle={() => {}} />,
  );

describe('FolderList', () => {
  it('says when the host cut a big folder short, and how to reach what is not listed', () => {
    const html = render(listing({ truncated: true }));
    expect(html).toContain('This folder holds too many entries to list them all; only 2');
    expect(html).toContain('Type a path above to open one that is not listed.');
    expect(render(listing({}))).not.toContain('too many entries');
  });
});

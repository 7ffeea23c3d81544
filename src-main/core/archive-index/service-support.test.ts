import { describe, expect, it } from 'vitest';
import { GlobSyntaxError } from './glob.js';
import { idsOf, newestFirst, withPatternErrors } from './service-support.js';

describe('service support', () => {
  it('orders archives newest first, keeping borg order reversed within one second', () => {
    const archives = [
      { name: 'a', start: '2024-01-01T10:00:00.000000' },
      { name: 'b', start: '2024-01-01T10:00:05.000000' },
      { name: 'c', start: '2024-01-01T10:00:05.000000' },
      { name: 'd', start: '2023-12-31T23:00:00.000000' },
    ];
    expect(newestFirst(archives).map((a) => a.name)).toEqual(['c', 'b', 'a', 'd']);
  });

  it('finds an archive id by name, or says the archive is gone', () => {
    const listing = { repositoryId: 'r', archives: [{ id: 'x1', name: 'mon', start: '' }] };
    expect(idsOf(listing, 'mon')).toEqual({ repositoryId: 'r', archiveId: 'x1' });
    expect(() => idsOf(listing, 'tue')).toThrow(expect.objectContaining({ code: 'NotFound' }));
  });

  it('turns a bad pattern into InvalidInput and lets other errors through', async () => {
    await expect(
      withPatternErrors(() => Promise.reject(new GlobSyntaxError('"[z-a]" is not a valid pattern.'))),
    ).rejects.toMatchObject({
      code: 'InvalidInput',
      message: '"[z-a]" is not a valid pattern.',
    });
    const other = new Error('disk');
    await expect(withPatternErrors(() => Promise.reject(other))).rejects.toBe(other);
  });
});

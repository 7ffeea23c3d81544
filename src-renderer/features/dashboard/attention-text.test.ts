import { describe, expect, it } from 'vitest';
import type { StaleItemRow } from '../../../src-main/model/app.js';
import { attentionText } from './attention-text.js';

const DAY = 86_400_000;
const item = (overrides: Partial<StaleItemRow>): StaleItemRow => ({
  id: 'docs|usb',
  label: 'Documents',
  repoName: 'USB drive',
  lastSuccessAt: '2026-03-01T10:00:00.000Z',
  staleForMs: 4 * DAY + 3_600_000,
  ...overrides,
});

describe('attentionText', () => {
  it('names an unplugged drive in plain words', () => {
    expect(attentionText(item({ cause: 'drive-absent' }))).toEqual({
      age: 'No good backup for 4 days',
      cause: 'drive not connected',
      detail: 'The drive that holds "USB drive" is not connected. Plug it in and the backup runs again.',
    });
  });

  it('quotes borg for a borg error and says "never" for a plan that never succeeded', () => {
    const text = attentionText(
      item({ lastSuccessAt: undefined, cause: 'borg-error', causeMessage: 'Data integrity error: x' }),
    );
    expect(text.age).toBe('Never backed up (4 days)');
    expect(text.cause).toBe('borg error');
    expect(text.detail).toBe('Borg reported an error for "USB drive": Data integrity error: x');
  });

  it('points at the schedule when nothing ran at all', () => {
    const text = attentionText(item({ staleForMs: 30 * 3_600_000 }));
    expect(text).toMatchObject({ age: 'No good backup for 30 hours', cause: 'no backup ran' });
    expect(text.detail).toMatch(/schedule is on/);
  });

  it.each([
    ['network', 'network problem'],
    ['passphrase', 'wrong passphrase'],
    ['lock', 'repository locked'],
  ] as const)('labels %s as "%s"', (cause, label) => {
    expect(attentionText(item({ cause })).cause).toBe(label);
  });
});

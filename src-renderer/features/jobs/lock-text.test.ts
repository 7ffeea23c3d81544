import { describe, expect, it } from 'vitest';
import type { LockHolder } from '../../../src-main/model/lock.js';
import { describeHolder, reportSummary } from './lock-text.js';

const holder: LockHolder = {
  hostId: 'vm@1',
  hostname: 'vm',
  pid: 41,
  mode: 'exclusive',
  since: '2026-01-02T03:04:05.000Z',
  thisComputer: true,
  alive: false,
  stale: true,
};
const time = (iso: string): string => `at ${iso.slice(11, 16)}`;

describe('lock text', () => {
  it('names a stale holder on this computer', () => {
    expect(describeHolder(holder, time)).toBe(
      'Borg process 41 on this computer (vm) holds it (writing) since at 03:04. That process is no longer running, so nothing will release the lock: it is stale.',
    );
  });

  it('says it cannot see a holder on another computer', () => {
    const other = { ...holder, hostname: 'nas', thisComputer: false, stale: false };
    expect(describeHolder(other, time)).toContain('on the computer “nas”');
    expect(describeHolder(other, time)).toContain('cannot see from here');
  });

  it("quotes borg's words for a lock it cannot read", () => {
    const text = reportSummary(
      { readable: false, locked: true, holders: [], reason: 'On a server.' },
      'Failed.',
    );
    expect(text).toBe('On a server. Borg said: “Failed.”');
  });
});

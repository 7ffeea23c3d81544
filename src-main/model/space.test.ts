import { describe, expect, it } from 'vitest';
import { reclaimableBytes } from './space.js';

describe('reclaimableBytes', () => {
  it('is what the segments hold beyond what the archives need', () => {
    const space = { kind: 'measured', onDiskBytes: 5_100_000, segmentBytes: 5_012_225 } as const;
    expect(reclaimableBytes(space, 2_000_645)).toBe(3_011_580);
  });

  it('calls headers and a few small leftovers nothing', () => {
    // Measured after `borg compact`: 8.9 kB of segment and object headers remain.
    const space = { kind: 'measured', onDiskBytes: 2_100_000, segmentBytes: 2_009_521 } as const;
    expect(reclaimableBytes(space, 2_000_645)).toBe(0);
  });

  it('is unknown where the folder was not measured', () => {
    expect(reclaimableBytes({ kind: 'unknown', reason: 'remote' }, 1000)).toBeUndefined();
  });
});

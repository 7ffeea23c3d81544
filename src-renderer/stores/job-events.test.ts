import { describe, expect, it } from 'vitest';
import type { JobSnapshot } from '../../src-main/model/job.js';
import {
  applyJobEvents,
  emptyJobsData,
  JOB_CAPACITY,
  latestJobFor,
  LOG_CAPACITY,
  SAMPLE_CAPACITY,
  type QueuedEvent,
} from './job-events.js';

const snapshot = (id: string, status: JobSnapshot['status'], repoId = 'r1'): JobSnapshot => ({
  id,
  kind: 'backup',
  repoId,
  title: `Backup ${id}`,
  status,
});

const progress = (jobId: string, elapsedMs: number, fileCount = 1): QueuedEvent => ({
  event: 'job:progress',
  payload: {
    jobId,
    progress: {
      kind: 'backup',
      fileCount,
      originalSize: 100 * fileCount,
      compressedSize: 50 * fileCount,
      deduplicatedSize: 10 * fileCount,
      currentPath: '/home/ann/file',
      elapsedMs,
      bytesPerSecond: 1000,
      sample: { elapsedMs, originalBytesPerSecond: 1000, deduplicatedBytesPerSecond: 100 },
    },
  },
});

describe('applyJobEvents', () => {
  it('records snapshots in arrival order and keeps the latest progress', () => {
    const data = applyJobEvents(emptyJobsData(), [
      { event: 'job:updated', payload: snapshot('a', 'running') },
      progress('a', 1000, 3),
      progress('a', 2000, 7),
    ]);
    expect(data.order).toEqual(['a']);
    const p = data.jobs.a?.progress;
    expect(p?.kind === 'backup' && p.fileCount).toBe(7);
    expect(data.samples.a?.toArray().map((s) => s.elapsedSeconds)).toEqual([1, 2]);
    expect(data.sampleVersions.a).toBe(2);
  });

  it('never lets a late running update undo a final status', () => {
    let data = applyJobEvents(emptyJobsData(), [
      { event: 'job:finished', payload: snapshot('a', 'succeeded') },
    ]);
    data = applyJobEvents(data, [
      { event: 'job:updated', payload: snapshot('a', 'running') },
      progress('a', 5000),
    ]);
    expect(data.jobs.a?.status).toBe('succeeded');
    expect(data.jobs.a?.progress).toBeUndefined();
  });

  it('drops a repeated final sample and bounds the ring buffer', () => {
    const batch: QueuedEvent[] = [{ event: 'job:updated', payload: snapshot('a', 'running') }];
    for (let i = 1; i <= SAMPLE_CAPACITY + 20; i += 1) batch.push(progress('a', i * 1000));
    batch.push(progress('a', (SAMPLE_CAPACITY + 20) * 1000));
    const data = applyJobEvents(emptyJobsData(), batch);
    const samples = data.samples.a?.toArray() ?? [];
    expect(samples).toHaveLength(SAMPLE_CAPACITY);
    expect(samples[0]?.elapsedSeconds).toBe(21);
    expect(samples.at(-1)?.elapsedSeconds).toBe(SAMPLE_CAPACITY + 20);
  });

  it('appends log lines and keeps only the newest ones', () => {
    const entries = Array.from({ length: LOG_CAPACITY + 5 }, (_, i) => ({
      time: '2024-01-01T00:00:00Z',
      level: 'info' as const,
      message: `line ${i}`,
    }));
    const data = applyJobEvents(emptyJobsData(), [{ event: 'job:log', payload: { jobId: 'a', entries } }]);
    expect(data.logs.a).toHaveLength(LOG_CAPACITY);
    expect(data.logs.a?.[0]?.message).toBe('line 5');
  });

  it('forgets the oldest finished jobs beyond capacity but keeps running ones', () => {
    const batch: QueuedEvent[] = [{ event: 'job:updated', payload: snapshot('live', 'running') }];
    for (let i = 0; i < JOB_CAPACITY + 3; i += 1)
      batch.push({ event: 'job:finished', payload: snapshot(`f${i}`, 'failed') });
    const data = applyJobEvents(emptyJobsData(), batch);
    expect(data.order).toHaveLength(JOB_CAPACITY);
    expect(data.jobs.live?.status).toBe('running');
    expect(data.jobs.f0).toBeUndefined();
  });

  it('finds the newest job of a repository', () => {
    const data = applyJobEvents(emptyJobsData(), [
      { event: 'job:updated', payload: snapshot('a', 'succeeded', 'r1') },
      { event: 'job:updated', payload: snapshot('b', 'running', 'r2') },
      { event: 'job:updated', payload: snapshot('c', 'running', 'r1') },
    ]);
    expect(latestJobFor(data, 'r1')?.id).toBe('c');
    expect(latestJobFor(data, 'r3')).toBeUndefined();
  });
});

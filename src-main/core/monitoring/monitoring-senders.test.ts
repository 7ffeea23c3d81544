import { describe, expect, it } from 'vitest';
import { resolvePingStyle } from '../../model/monitoring.js';
import { maskUrl } from './mask-url.js';
import { headerValue, ntfyRequest } from './ntfy-sender.js';
import { finishPing, startPing } from './ping-sender.js';
import { summaryWithLog, type RunFacts } from './run-summary.js';

const facts = (extra: Partial<RunFacts> = {}): RunFacts => ({
  ...{ planId: 'p1', planName: 'Docs', repoId: 'r1', repoName: 'NAS', repoLocation: '/mnt/nas/repo' },
  ...{ trigger: 'schedule', result: 'failed', startedAt: 0, finishedAt: 12_000, log: [] },
  ...extra,
});

describe('monitoring senders', () => {
  it('masks every secret part of an address but keeps the host and the services’ own words', () => {
    expect(maskUrl('https://hc-ping.com/0f6bd1b6-5c3a-4f9e-9d2a-7b1e0c4d8a21/fail?rid=x')).toBe(
      'https://hc-ping.com/0f…/fail?…',
    );
    expect(maskUrl('https://kuma.lan:3001/api/push/AbCdEf123?status=up&msg=OK')).toBe(
      'https://kuma.lan:3001/api/push/Ab…?…',
    );
    expect(maskUrl('https://user:secret@ntfy.example/backups-7f3k')).toBe('https://ntfy.example/ba…');
  });

  it('detects Uptime Kuma by /api/push/ and lets the user override it', () => {
    expect(resolvePingStyle('auto', 'https://kuma.lan/api/push/tok')).toBe('uptime-kuma');
    expect(resolvePingStyle('auto', 'https://hc-ping.com/uuid')).toBe('healthchecks');
    expect(resolvePingStyle('plain', 'https://kuma.lan/api/push/tok')).toBe('plain');
    expect(startPing({ url: 'https://kuma.lan/api/push/tok', style: 'auto' })).toBeUndefined();
    expect(finishPing({ url: 'https://x.example/dms', style: 'plain' }, facts())).toBeUndefined();
    expect(finishPing({ url: 'https://x.example/dms/', style: 'healthchecks' }, facts())?.url).toBe(
      'https://x.example/dms/fail',
    );
  });

  it('caps a failure body at 10 kB, dropping the oldest log lines first', () => {
    const log = Array.from({ length: 300 }, (_, i) => ({
      time: '2026-12-02T10:00:00Z',
      level: 'info' as const,
      message: `line ${i} ${'x'.repeat(200)}`,
    }));
    const body = summaryWithLog(facts({ log }));
    expect(Buffer.byteLength(body, 'utf8')).toBeLessThanOrEqual(10 * 1024);
    expect(body).toMatch(/^Backup of “Docs” to “NAS” failed in 12\.0 s\./);
    expect(body).toContain('line 299 ');
    expect(body).not.toContain('line 199 ');
  });

  it('encodes a non-ASCII ntfy title as RFC 2047 and sends failures with high priority', () => {
    expect(headerValue('Backup Docs: failed')).toBe('Backup Docs: failed');
    expect(headerValue('Sauvegarde “Été”')).toBe(
      `=?UTF-8?B?${Buffer.from('Sauvegarde “Été”').toString('base64')}?=`,
    );
    const request = ntfyRequest({ url: 'https://ntfy.sh/t', when: 'problems' }, facts({ planName: 'Été' }));
    expect(request?.headers).toMatchObject({ Priority: 'high', Tags: 'x,borgdesk' });
    expect(request?.headers?.['Title']).toMatch(/^=\?UTF-8\?B\?/);
    expect(
      ntfyRequest({ url: 'https://ntfy.sh/t', when: 'problems' }, facts({ result: 'succeeded' })),
    ).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { planDraftSchema } from '../../../src-main/model/plan.js';
import { emptyMonitoringForm, monitoringFormFrom, monitoringOf } from './monitoring-form.js';
import { channelName, deliveryText } from './monitoring-labels.js';
import { emptyForm, fieldErrors, toDraft } from './plan-form.js';

describe('monitoring fields of the plan editor', () => {
  it('saves no monitoring when every address is empty, and only the filled channels otherwise', () => {
    expect(monitoringOf({ ...emptyMonitoringForm, timeoutSeconds: '5' })).toBeUndefined();
    const filled = monitoringOf({
      ...emptyMonitoringForm,
      pingUrl: ' https://hc-ping.com/abc ',
      ntfyWhen: 'problems',
    });
    expect(filled).toEqual({ ping: { url: 'https://hc-ping.com/abc', style: 'auto' }, timeoutSeconds: 10 });
  });

  it('round-trips a stored monitoring setup', () => {
    const stored = {
      ping: { url: 'https://kuma.example/api/push/tok', style: 'uptime-kuma' as const },
      webhook: { url: 'https://example.org/hook' },
      ntfy: { url: 'https://ntfy.sh/topic', when: 'problems' as const },
      timeoutSeconds: 20,
    };
    expect(monitoringOf(monitoringFormFrom(stored))).toEqual(stored);
  });

  it('puts a bad address beside its own field, in plain words', () => {
    const form = {
      ...emptyForm('lz4', 'repo-1'),
      name: 'Docs',
      sourcePaths: ['/home/me'],
      monitoring: { ...emptyMonitoringForm, webhookUrl: 'ftp://example.org/x', timeoutSeconds: '0' },
    };
    const checked = planDraftSchema.safeParse(toDraft(form));
    expect(checked.success).toBe(false);
    const errors = checked.success ? {} : fieldErrors(checked.error.issues, form);
    expect(errors['monitoring.webhook']).toBe('Use an http:// or https:// address.');
    expect(errors['monitoring.timeoutSeconds']).toBe('At least 1 second.');
  });

  it('names the channel and says why a delivery failed', () => {
    const at = new Date().toISOString();
    const failed = { channel: 'ping' as const, event: 'failure', ok: false, attempts: 3, at, target: 'x' };
    expect(deliveryText({ ...failed, reason: 'connection refused' })).toBe(
      'failure report not delivered just now (3 attempts): connection refused',
    );
    expect(deliveryText({ ...failed, event: 'start', ok: true, attempts: 1 })).toBe(
      'start signal delivered just now',
    );
    const kuma = { ping: { url: 'https://kuma.lan/api/push/t', style: 'auto' as const }, timeoutSeconds: 10 };
    expect(channelName('ping', kuma)).toBe('Uptime Kuma');
    expect(channelName('ping', { ...kuma, ping: { ...kuma.ping, style: 'plain' } })).toBe('Ping URL');
  });
});

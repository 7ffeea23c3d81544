import { describe, expect, it } from 'vitest';
import { planDraftSchema } from '../../../src-main/model/plan.js';
import { emptyMonitoringForm, monitoringFormFrom, monitoringOf } from './monitoring-form.js';
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
});

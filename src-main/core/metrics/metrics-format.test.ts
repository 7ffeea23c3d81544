import { describe, expect, it } from 'vitest';
import { promtoolCheck, promtoolMissing } from '../test-support/promtool.js';
import { escapeLabelValue, formatMetrics, type TargetMetrics } from './metrics-format.js';

const tricky: TargetMetrics = {
  plan: 'Photos "raw"\\2024\nsecond line',
  planId: 'p1',
  repository: 'NAS',
  repositoryId: 'r1',
  lastRunAt: 1_780_000_100,
  lastResult: 'failed',
  lastDurationSeconds: 12.5,
  lastSuccess: {
    at: 1_779_900_000,
    originalBytes: 1000,
    compressedBytes: 600,
    deduplicatedBytes: 42,
    files: 7,
  },
};

const neverSucceeded: TargetMetrics = {
  plan: 'Home',
  planId: 'p2',
  repository: 'NAS',
  repositoryId: 'r1',
  lastRunAt: 1_780_000_000,
  lastResult: 'cancelled',
  lastDurationSeconds: 0,
};

describe('metrics format', () => {
  it('escapes backslash, double quote and line feed in label values', () => {
    expect(escapeLabelValue('a"b\\c\nd')).toBe('a\\"b\\\\c\\nd');
    expect(escapeLabelValue('plain')).toBe('plain');
  });

  it('writes HELP and TYPE for each family and one sample per plan and repository', () => {
    const text = formatMetrics([tricky]);
    const labels =
      'plan="Photos \\"raw\\"\\\\2024\\nsecond line",repository="NAS",plan_id="p1",repository_id="r1"';
    expect(text).toContain('# HELP borgdesk_last_success_timestamp_seconds ');
    expect(text).toContain('# TYPE borgdesk_last_success_timestamp_seconds gauge\n');
    expect(text).toContain(`borgdesk_last_success_timestamp_seconds{${labels}} 1779900000\n`);
    expect(text).toContain(`borgdesk_last_run_timestamp_seconds{${labels}} 1780000100\n`);
    expect(text).toContain(`borgdesk_last_duration_seconds{${labels}} 12.5\n`);
    expect(text).toContain(`borgdesk_last_run_result{${labels},result="failed"} 1\n`);
    expect(text).toContain(`borgdesk_last_run_result{${labels},result="succeeded"} 0\n`);
    expect(text).toContain(`borgdesk_last_deduplicated_bytes{${labels}} 42\n`);
    expect(text).toContain(`borgdesk_last_files{${labels}} 7\n`);
    // Every line is a comment or a sample: the raw line feed of the plan name never splits a line.
    for (const line of text.trimEnd().split('\n'))
      expect(line).toMatch(/^(# (HELP|TYPE) borgdesk_\w+ .+|borgdesk_\w+\{.*\} [\d.]+)$/);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('leaves out what a plan that never succeeded does not have, and keeps its run result', () => {
    const text = formatMetrics([neverSucceeded]);
    expect(text).not.toContain('borgdesk_last_success_timestamp_seconds{');
    expect(text).not.toContain('borgdesk_last_files{');
    expect(text).toContain('result="cancelled"} 1\n');
    // Still a valid file for an empty history: families with HELP and TYPE only.
    expect(formatMetrics([])).toContain('# TYPE borgdesk_last_files gauge\n');
  });

  it('passes promtool check metrics, names and all', async ({ skip }) => {
    const missing = promtoolMissing();
    if (missing !== undefined) skip(missing);
    const { code, output } = await promtoolCheck(formatMetrics([tricky, neverSucceeded]));
    expect(output).toBe('');
    expect(code).toBe(0);
    // And promtool does reject a broken file, so the pass above means something.
    const broken = await promtoolCheck('borgdesk_last_files{plan="a"b"} 1\n');
    expect(broken.code).not.toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { createRedactingLogger, redact } from './redacting-logger.js';

describe('redacting logger', () => {
  it('masks a held passphrase in the message and in an Error detail, stack included', () => {
    const lines: string[] = [];
    const inner = createLogger({ level: 'debug', sink: (line) => lines.push(line), now: () => 0 });
    const secrets = new Set(['correct horse battery']);
    const log = createRedactingLogger(inner, () => secrets);
    log.warn('borg said: passphrase correct horse battery rejected');
    log.error('failed', new Error('spawn with correct horse battery'));
    const text = lines.join('\n');
    expect(text).not.toContain('correct horse battery');
    expect(text).toContain('passphrase [secret] rejected');
    expect(text).toContain('Error: spawn with [secret]');
    expect(text).toMatch(/\n\s+at /);
  });

  it('masks the tokens of web addresses and reads the secrets at each line', () => {
    const secrets = new Set<string>();
    expect(redact('ping https://hc-ping.com/0f6bd1b6-aaaa/fail?rid=1 failed', secrets)).toBe(
      'ping https://hc-ping.com/0f…/fail?… failed',
    );
    const lines: string[] = [];
    const log = createRedactingLogger(
      createLogger({ level: 'info', sink: (l) => lines.push(l) }),
      () => secrets,
    );
    log.info('late secret hunter2x');
    secrets.add('hunter2x');
    log.info('late secret hunter2x');
    expect(lines[0]).toContain('hunter2x');
    expect(lines[1]).toContain('late secret [secret]');
  });
});

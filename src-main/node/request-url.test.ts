import { describe, expect, it } from 'vitest';
import { parseRequestTarget } from './request-url.js';

describe('parseRequestTarget', () => {
  it('parses origin-form targets, including ones new URL(target, base) would throw on', () => {
    // `new URL('//', base)` and `new URL('//[', base)` throw: they read as a host, not a path.
    expect(() => new URL('//', 'http://127.0.0.1')).toThrow();
    expect(parseRequestTarget('//')?.pathname).toBe('//');
    expect(parseRequestTarget('//[')?.pathname).toBe('//[');
    expect(parseRequestTarget('//evil.example/x')?.host).toBe('127.0.0.1');
    expect(parseRequestTarget('/ws?token=a%zz')?.searchParams.get('token')).toBe('a%zz');
    expect(parseRequestTarget('/%')?.pathname).toBe('/%');
  });

  it('refuses everything that is not origin-form, and never throws', () => {
    for (const target of [
      undefined,
      '',
      '*',
      'http://127.0.0.1/',
      'http://[',
      '127.0.0.1:80',
      'ws',
      `/${'x'.repeat(20_000)}`,
    ]) {
      expect(parseRequestTarget(target), String(target).slice(0, 20)).toBeUndefined();
    }
  });
});

import { describe, expect, it } from 'vitest';
import {
  ARCHIVE_NAME_LIMIT,
  checkArchiveName,
  estimateExpandedLength,
  parseArchiveName,
  type NameFacts,
} from './archive-name-syntax.js';

const facts: NameFacts = { hostname: 'laptop.example.org', user: 'ada' };
const check = (name: string): string | undefined => checkArchiveName(name, facts);
const length = (name: string): number => {
  const parsed = parseArchiveName(name);
  if ('problem' in parsed) throw new Error(parsed.problem);
  return estimateExpandedLength(parsed.parts, facts);
};

describe('checkArchiveName', () => {
  it('accepts ordinary names, placeholders and literal braces', () => {
    for (const ok of [
      'docs-{hostname}-{now}',
      'a'.repeat(ARCHIVE_NAME_LIMIT),
      '{{x}}-{utcnow:%Y}',
      'café 😀',
    ]) {
      expect(check(ok), ok).toBeUndefined();
    }
  });

  it('refuses a 300-character name, naming the limit', () => {
    expect(check('a'.repeat(300))).toBe(
      'Archive names can have at most 240 characters (borg allows 255, and adds ".checkpoint" to the name while a long backup runs). This one has 300.',
    );
    expect(check('a'.repeat(ARCHIVE_NAME_LIMIT + 1))).toMatch(/This one has 241\./);
  });

  it('counts what placeholders expand to', () => {
    expect(length('{now}')).toBe(19);
    expect(length('{now:%Y-%m-%d_%H%M}')).toBe(15);
    expect(length('{now:%A %B %Z}')).toBe(9 + 1 + 9 + 1 + 32);
    expect(length('{hostname}')).toBe('laptop'.length);
    expect(length('{fqdn}')).toBe('laptop.example.org'.length + 37);
    expect(length('{user}-{pid}-{uuid4}')).toBe(3 + 1 + 7 + 1 + 36);
    expect(length('{{now}}')).toBe(5);
    expect(check(`${'x'.repeat(230)}-{now}`)).toMatch(
      /With its placeholders filled in, this one can reach 250\./,
    );
  });

  it('refuses what borg refuses or mistakes', () => {
    const cases: [string, RegExp][] = [
      ['', /Give the archive a name/],
      ['   ', /Give the archive a name/],
      ['a/b', /cannot contain "\/"/],
      ['a::b', /cannot contain "::"/],
      ['line\nbreak', /control characters/],
      ['tab\there', /control characters/],
      ['bell\u0007', /control characters/],
      ['x.checkpoint', /\.checkpoint/],
      ['x.checkpoint.3', /\.checkpoint/],
      ['{now', /not closed/],
      ['now}', /no matching/],
    ];
    for (const [name, message] of cases) expect(check(name), JSON.stringify(name)).toMatch(message);
    expect(check('x.checkpointed')).toBeUndefined();
  });
});

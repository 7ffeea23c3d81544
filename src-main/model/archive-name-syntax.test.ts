import { describe, expect, it } from 'vitest';
import {
  ARCHIVE_NAME_LIMIT,
  BORG2_ARCHIVE_NAME_RULES,
  checkArchiveName,
  estimateExpandedLength,
  parseArchiveName,
  type NameFacts,
} from './archive-name-syntax.js';

const facts: NameFacts = { hostname: 'laptop.example.org', user: 'ada' };
const check = (name: string): string | undefined => checkArchiveName(name, facts);
const length = (name: string): number => {
  const parsed = parseArchiveName(name);
  if ('problem' in parsed) throw new Error(parsed.problem.code);
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

describe("borg 2's archive name rules", () => {
  const check2 = (name: string): string | undefined =>
    checkArchiveName(name, facts, BORG2_ARCHIVE_NAME_RULES);

  it('allows 200 characters, refuses 201, typed or filled in', () => {
    expect(check2('n'.repeat(200))).toBeUndefined();
    expect(check2('n'.repeat(201))).toMatch(
      /^Archive names can have at most 200 characters .*This one has 201\.$/,
    );
    expect(check2(`${'n'.repeat(190)}-{now}`)).toMatch(/can reach 210/);
    // Typed, "{borgmajor}" is longer than the "2" borg fills in; borg 2 checks the typed name.
    expect(check2(`${'n'.repeat(190)}{borgmajor}`)).toMatch(/can reach 201/);
  });

  it('refuses the characters borg 2 refuses and blanks at the ends; "::" and ".checkpoint" are fine', () => {
    for (const c of ['"', '<', '|', '>', '?', '*']) expect(check2(`a${c}b`), c).toMatch(/cannot contain/);
    expect(check2(' a')).toMatch(/start or end with a space/);
    expect(check2('a ')).toMatch(/start or end with a space/);
    expect(check2('a::b')).toBeUndefined();
    expect(check2('a.checkpoint')).toBeUndefined();
    expect(check('a?b')).toBeUndefined();
  });
});

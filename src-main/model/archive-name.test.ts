import { describe, expect, it } from 'vitest';
import {
  archiveGlob,
  archiveNameFor,
  archivePrefix,
  archivePrefixSchema,
  checkArchiveNameTemplate,
  slugifyPlanName,
  uniqueArchivePrefix,
} from './archive-name.js';

describe('archive name templates', () => {
  it('accepts borg placeholders, formats on {now}/{utcnow} and escaped braces', () => {
    for (const ok of [
      '{hostname}-{now}',
      '{fqdn}-{user}-{utcnow}',
      '{hostname}-{now:%Y-%m-%d_%H:%M:%S}',
      '{reverse-fqdn}-{borgversion}-{pid}-{uuid4}',
      '{{literal}}-{now}',
      'server_{borgmajor}.{borgminor}.{borgpatch}-{now}',
    ]) {
      expect(checkArchiveNameTemplate(ok), ok).toBeUndefined();
    }
  });

  it('explains what is wrong with a bad template', () => {
    const cases: [string, RegExp][] = [
      ['', /Give archives a name/],
      ['{host}-{now}', /Unknown placeholder "\{host\}"/],
      ['{hostname:.5}-{now}', /Only \{now\} and \{utcnow\} take a format/],
      ['{now:%Y/%m}', /would put "\/"/],
      ['{now:%D}', /would put "\/"/],
      ['{hostname!r}-{now}', /Conversions/],
      ['{hostname-{now}', /Unknown placeholder/],
      ['{now', /not closed/],
      ['now}', /no matching/],
      ['a/b-{now}', /cannot contain "\/"/],
      ['a::b-{now}', /cannot contain "::"/],
      ['{hostname}', /Add \{now\}/],
      ['{}-{now}', /Unknown placeholder "\{\}"/],
    ];
    for (const [template, message] of cases)
      expect(checkArchiveNameTemplate(template), template).toMatch(message);
  });

  it("counts the plan's prefix and the expanded placeholders against borg's name limit", () => {
    const long = `${'x'.repeat(170)}-{now}`;
    // 40 (longest prefix) + "-" + 170 + "-" + 19 = 231: fits; a 30-character longer template does not.
    expect(checkArchiveNameTemplate(long)).toBeUndefined();
    expect(checkArchiveNameTemplate(`${'y'.repeat(30)}${long}`)).toMatch(
      /^Archive names can have at most 240 characters .* this plan's archive names can reach 261\. The plan's name prefix counts too\.$/,
    );
    // A stored plan's own (short) prefix is what counts.
    expect(checkArchiveNameTemplate(`${'y'.repeat(30)}${long}`, 'docs')).toBeUndefined();
    expect(checkArchiveNameTemplate('tab\t{now}')).toMatch(/control characters/);
    expect(checkArchiveNameTemplate('{now}.checkpoint')).toMatch(/\.checkpoint/);
  });
});

describe('archive prefixes', () => {
  it('slugs plan names into a-z, 0-9 and _ only (never -)', () => {
    expect(slugifyPlanName('Photos & Music (2024)')).toBe('photos_music_2024');
    expect(slugifyPlanName('  Données-perso  ')).toBe('donnees_perso');
    expect(slugifyPlanName('日本語')).toBe('plan');
    expect(slugifyPlanName('x'.repeat(50))).toHaveLength(32);
    for (const name of ['a-b', '--', 'Ünïcödé', 'a__b', 'Z9']) {
      expect(archivePrefixSchema.safeParse(slugifyPlanName(name)).success, name).toBe(true);
    }
    expect(archivePrefixSchema.safeParse('a-b').success).toBe(false);
  });

  it('picks a prefix no other plan uses', () => {
    expect(uniqueArchivePrefix('Docs', [])).toBe('docs');
    expect(uniqueArchivePrefix('Docs', ['docs', 'docs_2'])).toBe('docs_3');
  });

  it('builds the archive name and a glob that matches only this plan', () => {
    const plan = { archivePrefix: 'docs', archiveNameTemplate: '{hostname}-{now}' };
    expect(archivePrefix(plan)).toBe('docs-');
    expect(archiveNameFor(plan)).toBe('docs-{hostname}-{now}');
    expect(archiveGlob(plan)).toBe('docs-*');
    // The glob is sh-style (borg --glob-archives); emulate it: '*' is any run without '/'.
    const glob = new RegExp(`^${archiveGlob(plan).replace('*', '[^/]*')}$`);
    expect(glob.test('docs-laptop-2025-06-01T02:30:00')).toBe(true);
    expect(glob.test('docs_old-laptop-2025-06-01T02:30:00')).toBe(false);
    expect(glob.test('docs_2-laptop-2025-06-01T02:30:00')).toBe(false);
  });
});

// Proves each folder boundary in eslint.config.js: every fixture line marked `// ✗ <rule>` is
// reported by that rule, and no other line by any boundary rule (see lint-fixtures/README.md).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const fixtures = path.join(import.meta.dirname, 'lint-fixtures', 'boundaries');

// The marker names of the rules that draw boundaries.
const RULES: Readonly<Record<string, string>> = {
  paths: '@typescript-eslint/no-restricted-imports',
  packages: 'no-restricted-imports',
  'host-read': 'no-restricted-properties',
  'import()': 'no-restricted-syntax',
};
const BOUNDARY_RULES = new Set(Object.values(RULES));

/** Every fixture, as the repository path it is linted at. */
function fixturePaths(dir = fixtures): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? fixturePaths(full) : [path.relative(fixtures, full)];
  });
}

/** `line:rule` for each line the fixture marks as forbidden. */
function expectedReports(source: string): string[] {
  return source.split('\n').flatMap((line, i) => {
    const marker = /\/\/ ✗ (\S+)$/.exec(line);
    if (marker === null) return [];
    const rule = RULES[marker[1] ?? ''];
    if (rule === undefined) throw new Error(`Unknown rule marker in line ${i + 1}: ${line}`);
    return [`${i + 1}:${rule}`];
  });
}

describe('folder boundaries (eslint.config.js)', () => {
  const eslint = new ESLint({ cwd: root });

  it.each(fixturePaths())('%s: each forbidden line is reported, and only those', async (file) => {
    const source = readFileSync(path.join(fixtures, file), 'utf8');
    const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
    const messages = result?.messages ?? [];
    expect(messages.filter((m) => m.fatal === true)).toEqual([]);
    const reported = messages
      .filter((m) => m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId))
      .map((m) => `${m.line}:${m.ruleId}`);
    const expected = expectedReports(source);
    expect(expected.length).toBeGreaterThan(0);
    expect(reported.sort()).toEqual(expected.sort());
  });
});

// The import-cycle check (check-import-cycles.mjs) run as `npm run lint:cycles` runs it, on fixtures.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const script = path.join(import.meta.dirname, 'check-import-cycles.mjs');
const tangled = 'scripts/lint-fixtures/cycles/tangled';

/** Runs the check on `dirs`; its exit code and what it printed. */
async function check(...dirs: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [script, ...dirs], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('check-import-cycles', () => {
  it('fails on every cycle and prints each as a path, type-only imports marked', async () => {
    const { code, stderr } = await check(tangled);
    expect(code).toBe(1);
    const cycles = stderr
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => line.trim());
    expect(stderr).toMatch(/^3 import cycles:/);
    expect(cycles.sort()).toEqual(
      [
        `${tangled}/a.ts → ${tangled}/b.ts → ${tangled}/a.ts`,
        `${tangled}/ring-1.ts → ${tangled}/ring-2.ts → ${tangled}/ring-3.ts → ${tangled}/ring-1.ts`,
        `${tangled}/types-a.ts → (type) ${tangled}/types-b.ts → (type) ${tangled}/types-a.ts`,
      ].sort(),
    );
  });

  it('passes modules that share imports without a way back', async () => {
    const { code, stdout } = await check('scripts/lint-fixtures/cycles/clean');
    expect(code).toBe(0);
    expect(stdout).toContain('No import cycles');
  });
});

/** The passcommand check (the word splitting is compared with Python's shlex in borg/passcommand.integration.test.ts). */
import { describe, expect, it } from 'vitest';
import { checkPasscommand, PASSCOMMAND_LIMIT } from './passcommand-syntax.js';

describe('checkPasscommand', () => {
  it('accepts a command line and trims it', () => {
    expect(checkPasscommand('  pass show borg/home ')).toEqual({
      ok: true,
      command: 'pass show borg/home',
      argv: ['pass', 'show', 'borg/home'],
    });
  });

  it.each([
    ['', /Enter the command/],
    ['   ', /Enter the command/],
    ['x'.repeat(PASSCOMMAND_LIMIT + 1), /longer than 1000/],
    ['pass show\nborg', /one line/],
    ['pass\tshow', /one line/],
    ['pass show \u0007', /one line/],
    ['pass "show', /not closed/],
    ['pass show\\', /backslash/],
    ['pass show borg/home | head -1', /without a shell, so “\|”/],
    ['pass show x 2>&1', /“2>&1”/],
    ["'' show", /names no program/],
  ])('refuses %j', (raw, problem) => {
    const checked = checkPasscommand(raw);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problem).toMatch(problem);
  });
});

import { describe, expect, it } from 'vitest';
import { borgErrorFromRun } from './errors.js';
import { parseLogLine } from './log-json.js';
import { otherBorgError, otherBorgMajor } from './other-borg.js';
import { RunObserver } from './run-observer.js';
import { fixtureLines } from './test-fixtures.js';

// The ERROR messages a recorded run logged, as exec.ts hands them over.
function loggedErrors(file: string): { errors: string[]; failed: ReturnType<RunObserver['failure']> } {
  const observer = new RunObserver();
  for (const line of fixtureLines(file)) observer.observe(parseLogLine(line));
  const failed = observer.failure(2, false);
  return { errors: failed.errors.map((e) => e.message), failed };
}

describe('a repository of the other major version of borg', () => {
  it.each([
    ['other-borg/open-borg2-repo.1.2.4.stderr.jsonl', 2],
    ['other-borg/open-borg2-repo.1.4.0.stderr.jsonl', 2],
    ['other-borg/open-borg1-repo.2.0.0b19.stderr.jsonl', 1],
    ['error-borg2-repository.stderr.jsonl', 2],
  ] as const)('%s was made by borg %i', (file, major) => {
    expect(otherBorgMajor(loggedErrors(file).errors)).toBe(major);
  });

  it('is not claimed for other failures', () => {
    expect(otherBorgMajor(loggedErrors('error-repository-exists.stderr.jsonl').errors)).toBeUndefined();
    expect(otherBorgMajor(loggedErrors('error-disk-full.stderr.jsonl').errors)).toBeUndefined();
  });

  it('tells borg 1.4 that the repository needs borg 2 and where to choose it', () => {
    const { errors, failed } = loggedErrors('other-borg/open-borg2-repo.1.4.0.stderr.jsonl');
    const error = otherBorgError(borgErrorFromRun(failed), errors, '1.4.0');
    expect(error?.toSerialized()).toMatchObject({
      code: 'RepositoryFromOtherBorg',
      major: 2,
      message: 'This repository was made with borg 2 — this computer’s borg is 1.4.0, which cannot open it.',
      remedy: 'Install borg 2 and choose it under Settings → Path to borg.',
      rc: 2,
    });
  });

  it('tells borg 2 that the repository is a borg 1.x one to migrate', () => {
    const { errors, failed } = loggedErrors('other-borg/open-borg1-repo.2.0.0b19.stderr.jsonl');
    const error = otherBorgError(borgErrorFromRun(failed), errors, '2.0.0b19');
    expect(error?.toSerialized()).toMatchObject({ code: 'RepositoryFromOtherBorg', major: 1 });
    expect(error?.message).toBe('This repository was made with borg 1.x — borg 2.0.0b19 can’t open it.');
    expect(error?.remedy).toMatch(/^Migrate it to a new borg 2 repository/);
  });
});

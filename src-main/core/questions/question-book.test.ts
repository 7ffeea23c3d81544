import { describe, expect, it } from 'vitest';
import type { JobSnapshot } from '../../model/job.js';
import type { PendingQuestion } from '../../model/question.js';
import type { FinishedJob } from '../jobs/job-manager.js';
import { QuestionBook } from './question-book.js';

const RELOCATED = 'BORG_RELOCATED_REPO_ACCESS_IS_OK';
const BORG_TEXT =
  'Warning: The repository at location /b was previously located at /a\nDo you want to continue?';

function relocatedFailure(jobId: string, trigger: FinishedJob['trigger'] = 'schedule'): FinishedJob {
  const snapshot: JobSnapshot = {
    id: jobId,
    kind: 'backup',
    repoId: 'r1',
    title: 'Nightly: back up to Disk',
    status: 'failed',
    error: { code: 'PromptRefused', message: 'Borg asks a question.', msgid: RELOCATED, question: BORG_TEXT },
  };
  return { snapshot, trigger, log: [] };
}

function setup(options: { kept?: boolean } = {}) {
  const changes: PendingQuestion[][] = [];
  const retried: { jobId: string; prompt: string }[] = [];
  const reads: { repoId: string; prompt: string }[] = [];
  let now = Date.parse('2026-12-01T03:00:00Z');
  const book = new QuestionBook({
    now: () => now,
    onChanged: (list) => changes.push(list),
    repoName: (repoId) => (repoId === 'r1' ? 'Disk' : undefined),
    retryWithConsent: (jobId, prompt) => {
      if (options.kept === false) return undefined;
      retried.push({ jobId, prompt });
      return `rerun-of-${jobId}`;
    },
    readWithConsent: async (repoId, prompt) => {
      reads.push({ repoId, prompt });
    },
  });
  return { book, changes, retried, reads, later: (ms: number) => (now += ms) };
}

describe('QuestionBook', () => {
  it('records the question a scheduled backup stopped at, with borg’s words and ours', () => {
    const { book, changes } = setup();
    book.noteJob(relocatedFailure('j1'));
    const [question] = book.list();
    expect(question).toMatchObject({
      kind: 'question',
      repoId: 'r1',
      repoName: 'Disk',
      prompt: RELOCATED,
      borgText: BORG_TEXT,
      stopped: { kind: 'job', jobId: 'j1', scheduled: true },
      since: '2026-12-01T03:00:00.000Z',
    });
    expect(question?.meaning).toMatch(/another location/);
    expect(question?.yesDoes).toMatch(/security folder/);
    expect(changes).toHaveLength(1);
  });

  it('keeps one entry per repository and question: a later run updates the stopped job, not the time', () => {
    const { book, later } = setup();
    book.noteJob(relocatedFailure('j1'));
    later(3_600_000);
    book.noteJob(relocatedFailure('j2'));
    const list = book.list();
    expect(list).toHaveLength(1);
    expect(list[0]?.stopped).toMatchObject({ jobId: 'j2' });
    expect(list[0]?.since).toBe('2026-12-01T03:00:00.000Z');
  });

  it('a later read stopping at the same question keeps the stopped job to rerun', () => {
    const { book } = setup();
    book.noteJob(relocatedFailure('j1'));
    const error = { code: 'PromptRefused', message: 'x', msgid: RELOCATED };
    book.noteFailure('r1', error, { kind: 'read' });
    expect(book.list()[0]?.stopped).toMatchObject({ kind: 'job', jobId: 'j1' });
  });

  it('ignores failures that are not questions, and repositories Borgdesk no longer has', () => {
    const { book } = setup();
    const lock = relocatedFailure('j1');
    book.noteJob({ ...lock, snapshot: { ...lock.snapshot, error: { code: 'LockTimeout', message: 'x' } } });
    book.noteJob({ ...lock, snapshot: { ...lock.snapshot, repoId: 'gone' } });
    expect(book.list()).toEqual([]);
  });

  it('yes reruns the stopped job once with that one consent and closes the question', async () => {
    const { book, retried, reads } = setup();
    book.noteJob(relocatedFailure('j1'));
    const id = book.list()[0]?.id ?? '';
    const answer = await book.answer({ questionId: id, answer: 'yes' });
    expect(answer.jobId).toBe('rerun-of-j1');
    expect(retried).toEqual([{ jobId: 'j1', prompt: RELOCATED }]);
    expect(reads).toEqual([]);
    expect(book.list()).toEqual([]);
  });

  it('yes for a job no longer kept reads the repository once with the consent instead', async () => {
    const { book, reads } = setup({ kept: false });
    book.noteJob(relocatedFailure('j1'));
    const answer = await book.answer({ questionId: book.list()[0]?.id ?? '', answer: 'yes' });
    expect(answer.jobId).toBeUndefined();
    expect(answer.message).toMatch(/Start “Nightly: back up to Disk” again/);
    expect(reads).toEqual([{ repoId: 'r1', prompt: RELOCATED }]);
  });

  it('no dismisses and says what that means; answering twice is a clear NotFound', async () => {
    const { book, retried } = setup();
    book.noteJob(relocatedFailure('j1'));
    const id = book.list()[0]?.id ?? '';
    const answer = await book.answer({ questionId: id, answer: 'no' });
    expect(answer.message).toMatch(/asks again/);
    expect(retried).toEqual([]);
    await expect(book.answer({ questionId: id, answer: 'yes' })).rejects.toMatchObject({ code: 'NotFound' });
  });

  it('a security warning has no yes', async () => {
    const { book, retried } = setup();
    const failure = relocatedFailure('j1');
    const error = {
      code: 'SecurityCheckFailed',
      message: 'Possible attack',
      msgid: 'Cache.EncryptionMethodMismatch',
    };
    book.noteJob({ ...failure, snapshot: { ...failure.snapshot, error } });
    const [warning] = book.list();
    expect(warning).toMatchObject({ kind: 'warning', borgText: 'Possible attack' });
    await expect(book.answer({ questionId: warning?.id ?? '', answer: 'yes' })).rejects.toMatchObject({
      code: 'InvalidInput',
    });
    expect(retried).toEqual([]);
    await book.answer({ questionId: warning?.id ?? '', answer: 'no' });
    expect(book.list()).toEqual([]);
  });

  it('a good backup without our yes means borg accepted the repository: its question goes', () => {
    const { book } = setup();
    book.noteJob(relocatedFailure('j1'));
    const ok = relocatedFailure('j3', 'manual');
    const { error: _none, ...succeeded } = ok.snapshot;
    book.noteJob({ ...ok, snapshot: { ...succeeded, kind: 'compact', status: 'succeeded' } });
    expect(book.list()).toHaveLength(1);
    book.noteJob({ ...ok, snapshot: { ...succeeded, status: 'succeeded' } });
    expect(book.list()).toEqual([]);
  });

  it('a read that stopped at the question is answered by one consented read', async () => {
    const { book, reads } = setup();
    book.noteFailure(
      'r1',
      { code: 'PromptRefused', message: 'x', msgid: 'BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK' },
      { kind: 'read' },
    );
    const [question] = book.list();
    expect(question?.meaning).toMatch(/not encrypted/);
    await book.answer({ questionId: question?.id ?? '', answer: 'yes' });
    expect(reads).toEqual([{ repoId: 'r1', prompt: 'BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK' }]);
  });
});

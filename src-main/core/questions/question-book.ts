/**
 * The questions borg is waiting on, per repository. When a job or a repository read fails because
 * borg asked something (PromptRefused: every question is answered "no" unless the user said yes)
 * or stopped at a security warning, the book keeps one entry per repository and msgid, says so
 * (`questions:changed`), and answers it: yes queues the stopped job once more with that consent for
 * that run only; borg itself then remembers the answer in its security folder. Nothing here is
 * persisted and no yes is ever given without the user: a scheduled run only adds an entry.
 */
import { randomUUID } from 'node:crypto';
import type { SerializedError } from '../../model/errors.js';
import type { JobKind } from '../../model/job.js';
import {
  QUESTION_ERROR_CODE,
  type PendingQuestion,
  type QuestionAnswerResult,
  type QuestionStopped,
} from '../../model/question.js';
import { questionWords, SECURITY_WARNING_MSGIDS } from '../../model/question-texts.js';
import { AppError } from '../app-error.js';
import type { FinishedJob } from '../jobs/job-manager.js';

/** What the book reaches in the rest of the core. */
export interface QuestionBookDeps {
  readonly now: () => number;
  /** Hears the whole list after every change (becomes the `questions:changed` event). */
  readonly onChanged: (questions: PendingQuestion[]) => void;
  /** The repository's name now, or undefined once it is no longer in Borgdesk. */
  readonly repoName: (repoId: string) => string | undefined;
  /** Queues the failed job again with the one consent; undefined when the job is no longer kept. */
  readonly retryWithConsent: (jobId: string, prompt: string) => string | undefined;
  /** Reads the repository once (borg info) with the one consent. */
  readonly readWithConsent: (repoId: string, prompt: string) => Promise<void>;
}

// Jobs whose borg run passes borg's security checks (they open the manifest); their success means
// borg accepted the repository, so a question about it is moot. Compact and check do not.
const CHECKED_KINDS: ReadonlySet<JobKind> = new Set<JobKind>(['backup', 'restore', 'prune', 'list', 'info']);

/** The pending questions of this app run. */
export class QuestionBook {
  private readonly pending = new Map<string, PendingQuestion>();

  constructor(private readonly deps: QuestionBookDeps) {}

  /** Every pending question, oldest first; only those of `repoId` when given. */
  list(repoId?: string): PendingQuestion[] {
    const all = [...this.pending.values()].sort((a, b) => a.since.localeCompare(b.since));
    return repoId === undefined ? all : all.filter((q) => q.repoId === repoId);
  }

  /** Feed every finished job here. */
  noteJob(job: FinishedJob): void {
    const { snapshot } = job;
    if (snapshot.status === 'failed' && snapshot.error !== undefined) {
      const stopped: QuestionStopped = {
        kind: 'job',
        jobId: snapshot.id,
        title: snapshot.title,
        scheduled: job.trigger === 'schedule',
      };
      this.noteFailure(snapshot.repoId, snapshot.error, stopped);
    } else if (snapshot.status === 'succeeded' || snapshot.status === 'warning') {
      if (CHECKED_KINDS.has(snapshot.kind)) this.noteAccepted(snapshot.repoId);
    }
  }

  /** Record what `error` asks about `repoId`, if it is a question or a security warning. */
  noteFailure(repoId: string, error: SerializedError, stopped: QuestionStopped): PendingQuestion | undefined {
    const msgid = error.msgid;
    if (msgid === undefined) return undefined;
    const asked = error.code === QUESTION_ERROR_CODE;
    if (!asked && !SECURITY_WARNING_MSGIDS.includes(msgid)) return undefined;
    const repoName = this.deps.repoName(repoId);
    if (repoName === undefined) return undefined;
    const key = `${repoId}\n${msgid}`;
    const earlier = this.pending.get(key);
    const words = questionWords(msgid);
    const question: PendingQuestion = {
      id: earlier?.id ?? randomUUID(),
      kind: asked ? words.kind : 'warning',
      repoId,
      repoName,
      prompt: msgid,
      borgText: error.question ?? (asked ? '' : error.message),
      meaning: words.meaning,
      yesDoes: words.yesDoes,
      noDoes: words.noDoes,
      // A screen reading the repository again must not hide the job that waits to run once more.
      stopped: stopped.kind === 'read' && earlier?.stopped.kind === 'job' ? earlier.stopped : stopped,
      since: earlier?.since ?? new Date(this.deps.now()).toISOString(),
    };
    this.pending.set(key, question);
    this.changed();
    return question;
  }

  /** Borg accepted `repoId` without a yes from us: its questions are answered already. */
  noteAccepted(repoId: string): void {
    if (this.drop((q) => q.repoId === repoId)) this.changed();
  }

  /** The repository left Borgdesk: its questions go with it. */
  forgetRepository(repoId: string): void {
    this.noteAccepted(repoId);
  }

  /**
   * The user's answer. Yes: the stopped job runs once more with that consent (or, when it is no
   * longer kept or a read stopped, the repository is read once with it). No: the entry goes.
   */
  async answer(params: { questionId: string; answer: 'yes' | 'no' }): Promise<QuestionAnswerResult> {
    const question = this.list().find((q) => q.id === params.questionId);
    if (question === undefined) {
      throw new AppError(
        'NotFound',
        'That question is no longer open: it was answered or the repository was removed.',
        'Run the task again; if borg still asks, the question comes back.',
        { reason: 'questionLongerOpenAnswered' },
      );
    }
    if (params.answer === 'no') {
      this.remove(question);
      return { message: question.noDoes };
    }
    if (question.kind === 'warning') {
      throw new AppError(
        'InvalidInput',
        'This is a security warning, not a question: Borgdesk does not let borg continue past it.',
        question.yesDoes,
        { reason: 'securityWarning', params: { remedy: question.yesDoes } },
      );
    }
    return this.yes(question);
  }

  private async yes(question: PendingQuestion): Promise<QuestionAnswerResult> {
    const { stopped, prompt, repoId } = question;
    const jobId = stopped.kind === 'job' ? this.deps.retryWithConsent(stopped.jobId, prompt) : undefined;
    if (jobId !== undefined) {
      this.remove(question);
      return { jobId, message: `“${stopped.kind === 'job' ? stopped.title : ''}” runs again with your yes.` };
    }
    // A failed read keeps the question for another try; borg now knows the answer on success.
    await this.deps.readWithConsent(repoId, prompt);
    this.remove(question);
    return {
      message:
        stopped.kind === 'job'
          ? `Borg accepted “${question.repoName}”. Start “${stopped.title}” again.`
          : `Borg accepted “${question.repoName}”.`,
    };
  }

  private remove(question: PendingQuestion): void {
    if (this.drop((q) => q.id === question.id)) this.changed();
  }

  private drop(match: (q: PendingQuestion) => boolean): boolean {
    let dropped = false;
    for (const [key, q] of this.pending) {
      if (match(q)) {
        this.pending.delete(key);
        dropped = true;
      }
    }
    return dropped;
  }

  private changed(): void {
    this.deps.onChanged(this.list());
  }
}

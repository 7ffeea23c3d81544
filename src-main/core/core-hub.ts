/**
 * The core's internal hub: services created early publish what happened (a job finished, the
 * repository list changed…) and services created later subscribe, so the composition root builds
 * every service in dependency order with no callback bound to a service that does not exist yet.
 * Unlike the EventBus (core → UIs), nothing here leaves the core.
 */
import type { RepositorySummary } from '../model/repository.js';
import type { FinishedJob, RunningJob } from './jobs/job-manager.js';
import type { PlanRunReport, PlanRunStart } from './plan-runs/plan-run-report.js';
import type { ArchivesListed } from './repositories/repository-service.js';

/** Every topic and what it carries. */
export interface CoreTopics {
  /** A job started running (it left the queue). */
  readonly 'job-started': RunningJob;
  /** A plan run's backup started running. */
  readonly 'plan-run-started': PlanRunStart;
  /** A plan run ended: its backup and any prune and compact after it are done. */
  readonly 'plan-run-finished': PlanRunReport;
  /** A job reached a final status. */
  readonly 'job-finished': FinishedJob;
  /** The repository list changed (added, removed, unlocked, new backup). */
  readonly 'repositories-changed': RepositorySummary[];
  /** A repository was removed from the list. */
  readonly 'repository-removed': string;
  /** `borg list` named a repository's live archives; publishers wait for subscribers' work. */
  readonly 'archives-listed': { readonly repoId: string; readonly listing: ArchivesListed };
  /** Plan runs or the plan schedule changed: the next-run list may have moved. */
  readonly 'upcoming-changed': undefined;
}

/** A subscriber; one that returns a promise makes the publisher's `publish` wait for it. */
export type CoreTopicListener<T extends keyof CoreTopics> = (payload: CoreTopics[T]) => void | Promise<void>;

/**
 * Typed publish/subscribe inside the core. Subscribers run synchronously in the order they
 * subscribed, and a throw reaches the publisher, exactly as a direct call would.
 */
export class CoreHub {
  private readonly listeners: { [T in keyof CoreTopics]?: CoreTopicListener<T>[] } = {};

  /** Subscribe to a topic for the life of the core. */
  on<T extends keyof CoreTopics>(topic: T, listener: CoreTopicListener<T>): void {
    const list = (this.listeners[topic] ??= []) as CoreTopicListener<T>[];
    list.push(listener);
  }

  /** Tell every subscriber; resolves once the promises they returned (if any) have settled. */
  publish<T extends keyof CoreTopics>(topic: T, payload: CoreTopics[T]): Promise<void> {
    const list = (this.listeners[topic] ?? []) as CoreTopicListener<T>[];
    const pending = list.map((listener) => listener(payload));
    return Promise.all(pending).then(() => undefined);
  }
}

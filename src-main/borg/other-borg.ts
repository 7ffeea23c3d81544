/**
 * A repository made by the other major version of borg. Borg 1.x and borg 2 cannot open each
 * other's repositories, and neither says so: borg 1 trips over borg 2's config/ folder
 * (IsADirectoryError, or "repository version 2 is not supported" for a borg 2 repository in the old
 * layout) and borg 2 over borg 1's config file (NotADirectoryError on config/readme). Both end as
 * msgid "Exception" with a traceback. This module reads those and says plainly which borg made the
 * repository and what to do. Recorded: __fixtures__/other-borg/open-borg2-repo.<1.2.4|1.4.0>.stderr.jsonl
 * and open-borg1-repo.2.0.0b19.stderr.jsonl.
 */
import { BorgError, type BorgErrorInit } from './errors.js';
import type { SerializedError } from '../model/errors.js';

// borg 1.x reading a borg 2 (borgstore) repository: it opens REPO/config as a file.
const BORG2_STORE_SEEN_BY_BORG1 = /IsADirectoryError: \[Errno 21\] Is a directory: '[^']*[/\\]config'/;
// borg 1.x reading a repository whose config says version 2 (early borg 2 betas).
const BORG2_CONFIG_SEEN_BY_BORG1 = /repository version 2 is not supported/;
// borg 2 reading a borg 1.x repository: it loads REPO/config/readme, but config is a file there.
const BORG1_REPO_SEEN_BY_BORG2 =
  /NotADirectoryError: \[Errno 20\] Not a directory: '[^']*[/\\]config[/\\]readme'/;

/** The major version of borg that made the repository, judged from what the failed run logged. */
export function otherBorgMajor(errors: readonly string[]): 1 | 2 | undefined {
  for (const text of errors) {
    if (BORG1_REPO_SEEN_BY_BORG2.test(text)) return 1;
    if (BORG2_STORE_SEEN_BY_BORG1.test(text) || BORG2_CONFIG_SEEN_BY_BORG1.test(text)) return 2;
  }
  return undefined;
}

/** The words for a repository made by borg `repositoryMajor`, opened by borg `thisBorg` (e.g. "1.4.0"). */
export function otherBorgWords(
  repositoryMajor: 1 | 2,
  thisBorg: string | undefined,
): Pick<BorgErrorInit, 'message' | 'remedy'> {
  if (repositoryMajor === 2) {
    const ours =
      thisBorg === undefined ? 'this computer’s borg is borg 1' : `this computer’s borg is ${thisBorg}`;
    return {
      message: `This repository was made with borg 2 — ${ours}, which cannot open it.`,
      remedy: 'Install borg 2 and choose it under Settings → Path to borg.',
    };
  }
  const ours = thisBorg === undefined ? 'borg 2' : `borg ${thisBorg}`;
  return {
    message: `This repository was made with borg 1.x — ${ours} can’t open it.`,
    remedy:
      'Migrate it to a new borg 2 repository (the original stays as it is), or choose a borg 1.x under Settings → Path to borg to use it as it is.',
  };
}

/** A BorgError for a repository of the other major version; `major` is the repository's borg. */
export class OtherBorgError extends BorgError {
  readonly major: 1 | 2;

  constructor(init: BorgErrorInit & { readonly major: 1 | 2 }) {
    super(init);
    this.major = init.major;
  }

  override toSerialized(): SerializedError {
    return { ...super.toSerialized(), major: this.major };
  }
}

/**
 * The error to report instead of `error` when the run's errors show a repository of the other
 * major version; undefined otherwise. `thisBorg` is the version of the borg that ran.
 */
export function otherBorgError(
  error: BorgError,
  errors: readonly string[],
  thisBorg: string | undefined,
): OtherBorgError | undefined {
  if (error.code === 'Cancelled') return undefined;
  const major = otherBorgMajor(errors);
  if (major === undefined) return undefined;
  return new OtherBorgError({
    code: 'RepositoryFromOtherBorg',
    major,
    ...otherBorgWords(major, thisBorg),
    ...(error.msgid === undefined ? {} : { msgid: error.msgid }),
    ...(error.rc === undefined ? {} : { rc: error.rc }),
  });
}

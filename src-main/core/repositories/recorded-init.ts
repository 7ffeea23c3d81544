/**
 * `borg init` as the repository service runs it: recorded in the history, with its command line,
 * under the name the repository is about to get (it has no id until borg has created it).
 */
import { buildInitArgs, runInit, type InitOptions } from '../../borg/commands/init.js';
import type { BorgContext } from '../../borg/exec.js';
import { recordNothing, type RecordOperation } from '../history/operation-record.js';
import { capabilitiesOf } from '../../borg/command-shape.js';
import { jobTitle } from '../../model/job-titles.js';

/** Creates the repository `init` describes; resolves or rejects as runInit does. */
export function recordedInit(
  init: InitOptions,
  name: string,
  ctx: BorgContext,
  record: RecordOperation = recordNothing,
): Promise<void> {
  const operation = {
    kind: 'init' as const,
    repoId: '',
    repoName: name,
    ...jobTitle('init', { repo: name }),
  };
  return record({ ...operation, args: buildInitArgs(init, capabilitiesOf(ctx)), ctx }, (recorded) =>
    runInit(init, recorded),
  );
}

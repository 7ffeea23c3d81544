/**
 * Renaming an archive, setting its comment and describing it (see ipc/contract/archives.ts). Each is
 * one short borg run in the repository's lane, refused while the repository is mounted (rename and
 * comment change the repository, and a mount holds its lock). Nothing is cached here: the caller
 * reloads the archive list afterwards, which also keeps the contents index in step.
 */
import { buildArchiveCommentArgs, runArchiveComment } from '../../borg/commands/archive-comment.js';
import { runArchiveInfo } from '../../borg/commands/archive-info.js';
import { buildRenameArgs, runRenameArchive } from '../../borg/commands/rename.js';
import type { BorgContext } from '../../borg/exec.js';
import type { HandlersFor } from '../../ipc/contract.js';
import type { archiveRequests } from '../../ipc/contract/archives.js';
import type { RecordOperation } from '../history/operation-record.js';
import type { DiffDeps } from '../restore/diff-service.js';
import { capabilitiesOf } from '../../borg/command-shape.js';
import { jobTitle } from '../../model/job-titles.js';

type ArchiveEditRequests = Pick<
  typeof archiveRequests,
  'archives:rename' | 'archives:set-comment' | 'archives:info'
>;

/** What the archive edits need: how to reach a repository in its lane, and the mount guard. */
export interface ArchiveEditDeps {
  readonly lane: DiffDeps;
  readonly assertWritable: (repoId: string) => void;
  /** Rename and comment change the repository: each is recorded in the history with its command line. */
  readonly record: RecordOperation;
}

/** One handler per archive edit request. */
export function archiveEditHandlers(deps: ArchiveEditDeps): HandlersFor<ArchiveEditRequests> {
  const { lane, assertWritable, record } = deps;
  const inLane = async <T>(
    repoId: string,
    run: (location: string, ctx: BorgContext) => Promise<T>,
  ): Promise<T> => {
    const { location, ctx } = await lane.resolve(repoId);
    return lane.runInLane(repoId, () => run(location, ctx));
  };
  return {
    'archives:rename': async ({ repoId, archiveName, archiveId, newName }) => {
      assertWritable(repoId);
      await inLane(repoId, (location, ctx) => {
        const options = { location, archiveName, archiveId, newName };
        const operation = {
          kind: 'rename' as const,
          repoId,
          ...jobTitle('rename', { archive: archiveName, newName }),
          args: buildRenameArgs(options, capabilitiesOf(ctx)),
          ctx,
        };
        return record(operation, (recorded) => runRenameArchive(options, recorded));
      });
      return {};
    },
    'archives:set-comment': async ({ repoId, archiveName, archiveId, comment }) => {
      assertWritable(repoId);
      await inLane(repoId, (location, ctx) => {
        const options = { location, archiveName, archiveId, comment };
        const args = buildArchiveCommentArgs(options, capabilitiesOf(ctx));
        const operation = {
          kind: 'comment' as const,
          repoId,
          ...jobTitle('comment', { archive: archiveName }),
          args,
          ctx,
        };
        return record(operation, (recorded) => runArchiveComment(options, recorded));
      });
      return {};
    },
    'archives:info': ({ repoId, archiveName, archiveId }) =>
      inLane(repoId, (location, ctx) => runArchiveInfo({ location, archiveName, archiveId }, ctx)),
  };
}

/**
 * Borg 2's soft delete and tags (see ipc/contract/archives.ts): the recently deleted archives,
 * undelete, and adding or removing tags. Each is a short borg run in the repository's lane; undelete
 * and tag change the repository, so they are refused while it is mounted and recorded in the history.
 * The builders refuse them for a borg whose capability table lacks soft delete or tags.
 */
import { runListArchives } from '../../borg/commands/list-archives.js';
import { buildTagArgs, runTagArchive } from '../../borg/commands/tag.js';
import { buildUndeleteArgs, runUndeleteArchive } from '../../borg/commands/undelete.js';
import { capabilitiesOf } from '../../borg/command-shape.js';
import type { HandlersFor } from '../../ipc/contract.js';
import type { archiveRequests } from '../../ipc/contract/archives.js';
import type { DeletedArchive } from '../../model/archive.js';
import type { ArchiveEditDeps } from './archive-edit-handlers.js';
import { jobTitle } from '../../model/job-titles.js';

type SoftDeleteRequests = Pick<
  typeof archiveRequests,
  'archives:deleted' | 'archives:undelete' | 'archives:set-tags'
>;

/**
 * Splits borg's deleted archives into the ones the user deleted and the earlier versions rename,
 * comment and tag leave behind: such a version starts at the same moment as a live archive (borg
 * keeps the start time, to the microsecond, when it writes the archive anew).
 */
export function recentlyDeleted(
  deleted: readonly DeletedArchive[],
  live: readonly { readonly start: string }[],
): { archives: DeletedArchive[]; replacedVersions: number } {
  const liveStarts = new Set(live.map((a) => a.start));
  const archives = deleted.filter((a) => !liveStarts.has(a.start));
  return { archives, replacedVersions: deleted.length - archives.length };
}

/** One handler per soft-delete or tag request. */
export function softDeleteHandlers(deps: ArchiveEditDeps): HandlersFor<SoftDeleteRequests> {
  const { lane, assertWritable, record } = deps;
  return {
    'archives:deleted': async ({ repoId }) => {
      const { location, ctx } = await lane.resolve(repoId);
      return lane.runInLane(repoId, async () => {
        const deleted = await runListArchives({ location, deleted: true }, ctx);
        const live = await runListArchives({ location }, ctx);
        const toDeleted = (a: DeletedArchive): DeletedArchive => ({ id: a.id, name: a.name, start: a.start });
        return recentlyDeleted(deleted.archives.map(toDeleted), live.archives);
      });
    },
    'archives:undelete': async ({ repoId, archiveName, archiveId }) => {
      assertWritable(repoId);
      const { location, ctx } = await lane.resolve(repoId);
      await lane.runInLane(repoId, () => {
        const options = { location, archiveName, archiveId };
        const args = buildUndeleteArgs(options, capabilitiesOf(ctx));
        const operation = {
          kind: 'undelete' as const,
          repoId,
          ...jobTitle('undelete', { archive: archiveName }),
          args,
          ctx,
        };
        return record(operation, (recorded) => runUndeleteArchive(options, recorded));
      });
      return {};
    },
    'archives:set-tags': async ({ repoId, archiveName, archiveId, add, remove }) => {
      assertWritable(repoId);
      const { location, ctx } = await lane.resolve(repoId);
      await lane.runInLane(repoId, () => {
        const options = { location, archiveName, archiveId, add, remove };
        const args = buildTagArgs(options, capabilitiesOf(ctx));
        const operation = {
          kind: 'tag' as const,
          repoId,
          ...jobTitle('tag', { archive: archiveName }),
          args,
          ctx,
        };
        return record(operation, (recorded) => runTagArchive(options, recorded));
      });
      return {};
    },
  };
}

/**
 * `borg info --json -- REPO::ARCHIVE`: one archive in detail (host, user, command line, times,
 * sizes, file count, chunker parameters, how full it is). Borg 1.2 gives the command line as a list,
 * 2.0 as one string; both become a list here.
 */
import { z } from 'zod';
import type { ArchiveInfo } from '../../model/archive-info.js';
import { BORG_1_2_CAPABILITIES, type BorgCapabilities } from '../capabilities.js';
import { archiveTail, capabilitiesOf } from '../command-shape.js';
import { BorgError } from '../errors.js';
import { runBorg, type BorgContext } from '../exec.js';
import { archiveSchema, parseJson } from '../json-output.js';

/** Which archive to describe. */
export interface ArchiveInfoOptions {
  location: string;
  archiveName: string;
  /** The archive's id: borg 2 addresses it as `aid:<id>` (names repeat in a series). */
  archiveId?: string | undefined;
}

const archiveInfoOutputSchema = z.looseObject({
  archives: z
    .array(
      archiveSchema.extend({
        command_line: z.union([z.array(z.string()), z.string()]).optional(),
        chunker_params: z.array(z.union([z.string(), z.number()])).optional(),
        limits: z.looseObject({ max_archive_size: z.number().optional() }).optional(),
      }),
    )
    .min(1),
});

/** `info --json -- LOCATION::ARCHIVE` (2.x: `--repo=LOCATION -- id:ARCHIVE`). */
export function buildArchiveInfoArgs(
  o: ArchiveInfoOptions,
  caps: BorgCapabilities = BORG_1_2_CAPABILITIES,
): string[] {
  if (o.archiveName.trim() === '') {
    throw new BorgError({
      code: 'InvalidArchiveName',
      message: 'Choose the archive to describe.',
      reason: 'chooseArchiveDescribe',
    });
  }
  return ['info', '--json', ...archiveTail(caps, o.location, o)];
}

/** Parses `borg info --json REPO::ARCHIVE` stdout into the info view's facts. */
export function parseArchiveInfo(stdout: string): ArchiveInfo {
  const out = parseJson(stdout, archiveInfoOutputSchema, 'borg info');
  const a = out.archives[0] as (typeof out.archives)[number];
  const info: ArchiveInfo = { id: a.id, name: a.name, start: a.start };
  const commandLine = typeof a.command_line === 'string' ? a.command_line.split(' ') : a.command_line;
  const optional: Partial<ArchiveInfo> = {
    comment: a.comment,
    hostname: a.hostname,
    username: a.username,
    commandLine,
    end: a.end,
    durationSeconds: a.duration,
    originalSize: a.stats?.original_size,
    compressedSize: a.stats?.compressed_size,
    deduplicatedSize: a.stats?.deduplicated_size,
    fileCount: a.stats?.nfiles,
    chunkerParams: a.chunker_params,
    maxArchiveSizeUsed: a.limits?.max_archive_size,
  };
  for (const [key, value] of Object.entries(optional))
    if (value !== undefined) Object.assign(info, { [key]: value });
  return info;
}

/** Describes one archive; a missing archive arrives as BorgError (ArchiveDoesNotExist). */
export async function runArchiveInfo(o: ArchiveInfoOptions, ctx: BorgContext): Promise<ArchiveInfo> {
  const run = await runBorg(buildArchiveInfoArgs(o, capabilitiesOf(ctx)), ctx, { okExitCodes: [0, 1] });
  return parseArchiveInfo(run.stdout);
}

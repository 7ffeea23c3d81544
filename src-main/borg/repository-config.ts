/**
 * The `config` file at the top of a local borg 1.x repository folder (an ini file borg writes at
 * `borg init`): its `id` line is the repository id `borg info --json` reports, readable without
 * running borg, so a folder can be told apart before borg is asked to trust it at a new location.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** The repository id in `<folder>/config`, or undefined when there is no readable borg config there. */
export async function localRepositoryId(folder: string): Promise<string | undefined> {
  const text = await fs.readFile(path.join(folder, 'config'), 'utf8').catch(() => undefined);
  if (text === undefined || !/^\[repository\]/m.test(text)) return undefined;
  return /^id\s*=\s*([0-9a-f]{64})\s*$/m.exec(text)?.[1];
}

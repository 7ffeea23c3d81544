/**
 * Refuses a run whose repository this borg cannot open before it starts: borg 1.x reads
 * `sftp://host/path` as a scp-style location on a host named "sftp", and a borg 2 without paramiko
 * or rclone fails with a traceback. The locations come from the command line Borgdesk built
 * (command-shape.ts): `--repo=`/`--other-repo=` (2.x) or the word after `--` (1.x, maybe `REPO::NAME`).
 */
import { unsupportedSchemeProblem } from '../model/location-schemes.js';
import type { BorgCapabilities } from './capabilities.js';
import { BorgError } from './errors.js';

/** The repository locations named on a borg command line. */
export function repositoriesOf(args: readonly string[]): string[] {
  const found: string[] = [];
  for (const arg of args) {
    const option = /^--(?:other-)?repo=(.*)$/s.exec(arg);
    if (option !== null) found.push(option[1] ?? '');
  }
  const dashes = args.indexOf('--');
  const positional = dashes === -1 ? undefined : args[dashes + 1];
  if (found.length === 0 && positional !== undefined) found.push(positional.replace(/::.*$/s, ''));
  return found;
}

/** A BorgError when a repository of `args` needs a scheme `caps` lacks; undefined otherwise. */
export function unsupportedLocationError(
  args: readonly string[],
  caps: BorgCapabilities,
): BorgError | undefined {
  for (const location of repositoriesOf(args)) {
    const problem = unsupportedSchemeProblem(location, caps.extraLocationSchemes);
    if (problem !== undefined) {
      return new BorgError({
        code: 'UnsupportedRepository',
        message: problem.message,
        remedy: problem.remedy,
        reason: problem.words.message === 'sftpUnsupported' ? 'sftpUnsupported' : 'rcloneUnsupported',
      });
    }
  }
  return undefined;
}

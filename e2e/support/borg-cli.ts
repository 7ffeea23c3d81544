/**
 * Asks the real borg CLI what a repository holds, independently of Borgdesk: the same borg the host
 * runs (TEST_BORG), with the command line of its version (the shapes of src-main/borg/command-shape.ts).
 */
import { execa } from 'execa';
import { archiveTail, newArchiveTail, repositoryTail } from '../../src-main/borg/command-shape.js';
import { TEST_BORG, testBorgCapabilities } from './test-borg.js';

function borgEnv(passphrase: string, borgBaseDir: string): Record<string, string> {
  // A test may hand borg the passphrase by environment; the app itself never does.
  return { BORG_PASSPHRASE: passphrase, BORG_BASE_DIR: borgBaseDir, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
}

/** Paths of the regular files in `archive`, as `borg list --json-lines` reports them. */
export async function listArchiveFiles(
  repo: string,
  archive: string,
  passphrase: string,
  borgBaseDir: string,
): Promise<string[]> {
  const caps = await testBorgCapabilities();
  const { stdout } = await execa(TEST_BORG, ['list', '--json-lines', ...archiveTail(caps, repo, archive)], {
    env: borgEnv(passphrase, borgBaseDir),
  });
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { type: string; path: string })
    .filter((item) => item.type === '-')
    .map((item) => item.path);
}

/** Names of the archives in `repo` (`list --json REPO`, borg 2's `repo-list --json`). */
export async function listArchiveNames(
  repo: string,
  passphrase: string,
  borgBaseDir: string,
): Promise<string[]> {
  const caps = await testBorgCapabilities();
  const args = [caps.repositoryCommands.list, '--json', ...repositoryTail(caps, repo)];
  const { stdout } = await execa(TEST_BORG, args, { env: borgEnv(passphrase, borgBaseDir) });
  return (JSON.parse(stdout) as { archives: { name: string }[] }).archives.map((a) => a.name);
}

/** `borg create REPO::ARCHIVE PATH…` (borg 2: `create --repo=REPO ARCHIVE PATH…`), as another borg on this computer would. */
export async function createArchive(
  repo: string,
  archive: string,
  paths: readonly string[],
  passphrase: string,
  borgBaseDir: string,
): Promise<void> {
  const caps = await testBorgCapabilities();
  await execa(TEST_BORG, ['create', ...newArchiveTail(caps, repo, archive, paths)], {
    env: borgEnv(passphrase, borgBaseDir),
  });
}

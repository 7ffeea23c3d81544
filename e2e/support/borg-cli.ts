/** Asks the real borg CLI what a repository holds, independently of Borgdesk. */
import { execa } from 'execa';

/** Paths of the regular files in `archive`, as `borg list --json-lines` reports them. */
export async function listArchiveFiles(
  repo: string,
  archive: string,
  passphrase: string,
  borgBaseDir: string,
): Promise<string[]> {
  const { stdout } = await execa('borg', ['list', '--json-lines', `${repo}::${archive}`], {
    // A test may hand borg the passphrase by environment; the app itself never does.
    env: { BORG_PASSPHRASE: passphrase, BORG_BASE_DIR: borgBaseDir, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
  });
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { type: string; path: string })
    .filter((item) => item.type === '-')
    .map((item) => item.path);
}

/** Names of the archives in `repo`. */
export async function listArchiveNames(
  repo: string,
  passphrase: string,
  borgBaseDir: string,
): Promise<string[]> {
  const { stdout } = await execa('borg', ['list', '--json', repo], {
    env: { BORG_PASSPHRASE: passphrase, BORG_BASE_DIR: borgBaseDir, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
  });
  return (JSON.parse(stdout) as { archives: { name: string }[] }).archives.map((a) => a.name);
}

/** `borg create REPO::ARCHIVE PATH…` run directly, as another borg on this computer would. */
export async function createArchive(
  repo: string,
  archive: string,
  paths: readonly string[],
  passphrase: string,
  borgBaseDir: string,
): Promise<void> {
  await execa('borg', ['create', '--', `${repo}::${archive}`, ...paths], {
    env: { BORG_PASSPHRASE: passphrase, BORG_BASE_DIR: borgBaseDir, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
  });
}

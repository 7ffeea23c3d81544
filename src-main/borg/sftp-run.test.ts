import { lstat, mkdir, mkdtemp, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareSftpRun, targetsSftp } from './sftp-run.js';

describe('targetsSftp', () => {
  it('sees --repo=sftp:// (2.x), --other-repo and a positional sftp:// after --', () => {
    expect(targetsSftp(['repo-list', '--repo=sftp://nas/r'])).toBe(true);
    expect(targetsSftp(['transfer', '--repo=/new', '--other-repo=sftp://nas/old'])).toBe(true);
    expect(targetsSftp(['list', '--', 'sftp://nas/r'])).toBe(true);
    expect(targetsSftp(['repo-list', '--repo=ssh://nas/r'])).toBe(false);
    // a backup source that happens to look like a URL is not the repository
    expect(targetsSftp(['create', '--repo=/r', '--', 'name', 'sftp://x'])).toBe(false);
  });
});

describe('prepareSftpRun', () => {
  let dir: string;
  let realHome: string;
  let knownHosts: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'borgdesk-sftp-test-'));
    realHome = path.join(dir, 'home');
    await mkdir(path.join(realHome, '.ssh'), { recursive: true });
    await mkdir(path.join(realHome, '.gnupg'));
    await writeFile(path.join(realHome, '.ssh', 'id_ed25519'), 'user key');
    await writeFile(path.join(realHome, '.ssh', 'known_hosts'), 'user-only-host ssh-ed25519 AAAA\n');
    knownHosts = path.join(dir, 'borgdesk_known_hosts');
    await writeFile(knownHosts, '[nas]:2222 ssh-ed25519 BBBB');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("gives paramiko Borgdesk's known_hosts and the repository's key in a HOME of the run's own", async () => {
    const key = path.join(dir, 'repo key');
    const run = prepareSftpRun(
      ['repo-list', '--repo=sftp://nas/r'],
      { HOME: realHome },
      { knownHostsFile: knownHosts, identityFile: key },
    );
    const home = run.env['HOME'] ?? '';
    expect(home).not.toBe(realHome);
    const hosts = await readFile(path.join(home, '.ssh', 'known_hosts'), 'utf8');
    expect(hosts).toContain('[nas]:2222 ssh-ed25519 BBBB\n');
    expect(hosts).not.toContain('user-only-host');
    expect(await readFile(path.join(home, '.ssh', 'config'), 'utf8')).toBe(`Host *\n  IdentityFile ${key}\n`);
    // borg's folders stay where the real HOME puts them; other entries of HOME are links to the real ones
    expect(run.env['XDG_CONFIG_HOME']).toBe(path.join(realHome, '.config'));
    expect(run.env['XDG_CACHE_HOME']).toBe(path.join(realHome, '.cache'));
    expect(await readlink(path.join(home, '.gnupg'))).toBe(path.join(realHome, '.gnupg'));
    expect((await lstat(path.join(home, '.ssh'))).isSymbolicLink()).toBe(false);
    await run.dispose();
    expect(existsSync(home)).toBe(false);
    expect(existsSync(path.join(realHome, '.gnupg'))).toBe(true);
  });

  it("offers the user's default keys when the repository names none, and keeps set XDG folders", async () => {
    const run = prepareSftpRun(
      ['repo-list', '--repo=sftp://nas/r'],
      { HOME: realHome, XDG_CACHE_HOME: '/elsewhere/cache' },
      { knownHostsFile: knownHosts },
    );
    const config = await readFile(path.join(run.env['HOME'] ?? '', '.ssh', 'config'), 'utf8');
    expect(config).toBe(`Host *\n  IdentityFile ${path.join(realHome, '.ssh', 'id_ed25519')}\n`);
    expect(run.env['XDG_CACHE_HOME']).toBe('/elsewhere/cache');
    await run.dispose();
  });

  it('changes nothing for other locations', () => {
    const run = prepareSftpRun(
      ['repo-list', '--repo=/srv/r'],
      { HOME: realHome },
      { knownHostsFile: knownHosts },
    );
    expect(run.env).toEqual({});
  });
});

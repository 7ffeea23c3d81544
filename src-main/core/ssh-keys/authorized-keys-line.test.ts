/**
 * The restricted authorized_keys line, read back the way the server reads it: sshd's unquoting of
 * `command="…"` (OpenSSH auth-options.c: only `\"` is special), then the user's shell (/bin/sh)
 * running the command, here with a stand-in `borg` that prints the path it was given.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../../borg/run-tool.js';
import { authorizedKeysLine, restrictPathOf } from '../../model/authorized-keys-line.js';

const KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOlC6mvLExUtAJF84Hgh1VP0SSN3ESRwUUfrfhduQr4I borgdesk@laptop';
let dir: string;
let home: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-akl-'));
  home = path.join(dir, 'home');
  await fs.mkdir(path.join(dir, 'bin'), { recursive: true });
  await fs.mkdir(home);
  // Prints each argument on its own line, so a path that split into two words shows as two lines.
  await fs.writeFile(
    path.join(dir, 'bin', 'borg'),
    '#!/bin/sh\nfor a in "$@"; do printf "%s\\n" "$a"; done\n',
    {
      mode: 0o755,
    },
  );
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

// sshd's opt_dequote: the text between the quotes, with \" turned into ".
function sshdCommand(line: string): string {
  expect(line.startsWith('command="')).toBe(true);
  let out = '';
  let i = 'command="'.length;
  for (; i < line.length && line[i] !== '"'; i++) {
    if (line[i] === '\\' && line[i + 1] === '"') i++;
    out += line[i];
  }
  expect(line.slice(i)).toBe(`",restrict ${KEY}`);
  return out;
}

async function argumentsOnServer(location: string, appendOnly = false): Promise<string[]> {
  const built = authorizedKeysLine({ location, publicKey: KEY, appendOnly });
  if (!built.ok) throw new Error(built.message);
  const run = await runTool('/bin/sh', ['-c', sshdCommand(built.line)], {
    cwd: home,
    env: { PATH: `${path.join(dir, 'bin')}:/usr/bin:/bin`, HOME: home },
    timeoutMs: 10_000,
    name: 'sh',
  });
  expect(run.exitCode, run.stderr).toBe(0);
  return run.stdout.replace(/\n$/, '').split('\n');
}

describe('authorizedKeysLine', () => {
  it('restricts the key to borg serve on the repository path', () => {
    expect(
      authorizedKeysLine({
        location: 'ssh://backup@nas:2222/srv/borg/laptop',
        publicKey: KEY,
        appendOnly: false,
      }),
    ).toEqual({
      ok: true,
      line: `command="borg serve --restrict-to-path /srv/borg/laptop",restrict ${KEY}`,
      restrictPath: '/srv/borg/laptop',
    });
    const appendOnly = authorizedKeysLine({
      location: 'ssh://nas/srv/r/',
      publicKey: `${KEY}\n`,
      appendOnly: true,
    });
    expect(appendOnly).toMatchObject({
      line: `command="borg serve --append-only --restrict-to-path /srv/r",restrict ${KEY}`,
    });
  });

  it.each([
    ['ssh://u@h/srv/plain', '/srv/plain'],
    ['ssh://u@h/srv/my backups/repo', '/srv/my backups/repo'],
    [`ssh://u@h/srv/it's "quoted"/repo`, `/srv/it's "quoted"/repo`],
    ['ssh://u@h/srv/$HOME `id` *; rm -rf x/repo', '/srv/$HOME `id` *; rm -rf x/repo'],
    ['ssh://u@h/srv/back\\slash\\"/repo', '/srv/back\\slash\\"/repo'],
    ['ssh://u@h/~/backups/my repo', 'HOME/backups/my repo'],
    ['ssh://u@h/./backups', 'HOME/backups'],
    ['u@h:relative/repo', 'HOME/relative/repo'],
    ['u@h:~/it is/here', 'HOME/it is/here'],
    ['u@h:/abs/path', '/abs/path'],
    ['ssh://u@h/~', 'HOME'],
  ])('the server’s shell hands borg the path of %s as one argument', async (location, expected) => {
    const args = await argumentsOnServer(location);
    expect(args).toEqual(['serve', '--restrict-to-path', expected.replace(/^HOME/, home)]);
  });

  it('keeps --append-only a separate argument before the path', async () => {
    expect(await argumentsOnServer('ssh://u@h/srv/a b', true)).toEqual([
      'serve',
      '--append-only',
      '--restrict-to-path',
      '/srv/a b',
    ]);
  });

  it('expands another user’s home, and refuses one the shell cannot expand', () => {
    expect(restrictPathOf('ssh://u@h/~backup/repo')).toEqual({ ok: true, restrictPath: '~backup/repo' });
    expect(restrictPathOf('ssh://u@h/~bad$user/repo')).toMatchObject({ ok: false });
  });

  it('refuses what is not an ssh location with a path, and what is not a public key', () => {
    expect(restrictPathOf('/media/usb/repo')).toMatchObject({
      ok: false,
      message: expect.stringContaining('needs no SSH key'),
    });
    expect(restrictPathOf('ssh://u@h')).toMatchObject({
      ok: false,
      message: expect.stringContaining('no folder'),
    });
    expect(restrictPathOf('ssh://-oProxyCommand=x/repo')).toMatchObject({ ok: false });
    const notKey = authorizedKeysLine({
      location: 'ssh://h/r',
      publicKey: 'from="x" ' + KEY,
      appendOnly: false,
    });
    expect(notKey).toMatchObject({
      ok: false,
      message: expect.stringContaining('not an OpenSSH public key'),
    });
    const twoLines = authorizedKeysLine({
      location: 'ssh://h/r',
      publicKey: `${KEY}\n${KEY}`,
      appendOnly: false,
    });
    expect(twoLines.ok).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { buildBorgRsh, shlexQuote, shlexSplit } from './ssh-command.js';
import { sshFailureCause } from './ssh-failures.js';

describe('buildBorgRsh', () => {
  it('fails fast and strictly, with every path one word after shlex.split', () => {
    const words = shlexSplit(
      buildBorgRsh({
        knownHostsFile: '/home/a b/Application Support/Borgdesk/known_hosts',
        identityFile: "/keys/it's %d key",
        logFile: '/tmp/x y/run.log',
      }),
    );
    expect(words[0]).toBe('ssh');
    const options = words.filter((_, i) => words[i - 1] === '-o');
    expect(options).toEqual(
      expect.arrayContaining([
        'BatchMode=yes',
        'StrictHostKeyChecking=yes',
        'ConnectTimeout=15',
        'ServerAliveInterval=10',
        'ServerAliveCountMax=2',
        'IdentitiesOnly=yes',
        'LogLevel=VERBOSE',
        'UserKnownHostsFile="/home/a b/Application Support/Borgdesk/known_hosts"',
      ]),
    );
    expect(words[words.indexOf('-i') + 1]).toBe("/keys/it's %%d key");
    expect(words[words.indexOf('-E') + 1]).toBe('/tmp/x y/run.log');
  });

  it('keeps ServerAliveInterval × CountMax within 30 s and leaves out what is not given', () => {
    const words = shlexSplit(buildBorgRsh({}));
    expect(words).not.toContain('-i');
    expect(words.some((w) => w.startsWith('UserKnownHostsFile'))).toBe(false);
    const interval = Number(words.find((w) => w.startsWith('ServerAliveInterval='))?.split('=')[1]);
    const count = Number(words.find((w) => w.startsWith('ServerAliveCountMax='))?.split('=')[1]);
    expect(interval * (count + 1)).toBeLessThanOrEqual(30);
  });

  it('quotes like Python shlex.quote', () => {
    expect(shlexQuote('/plain/path-1.key')).toBe('/plain/path-1.key');
    expect(shlexQuote("a b'c")).toBe(`'a b'"'"'c'`);
    expect(shlexSplit(shlexQuote("a b'c $HOME `x`"))).toEqual(["a b'c $HOME `x`"]);
  });
});

// Lines as OpenSSH 9.2 (Debian 12) wrote them to its -E log against the test sshd (ssh.integration.test.ts).
describe('sshFailureCause', () => {
  it.each([
    [
      [
        'No ED25519 host key is known for [127.0.0.1]:2222 and you have requested strict checking.',
        'Host key verification failed.',
      ],
      'SshHostKeyUnknown',
    ],
    [
      [
        '@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @',
        'Host key for backup.example.org has changed and you have requested strict checking.',
        'Host key verification failed.',
      ],
      'SshHostKeyChanged',
    ],
    [['root@127.0.0.1: Permission denied (publickey).'], 'SshAuthenticationFailed'],
    [['ssh: connect to host 127.0.0.1 port 1: Connection refused'], 'SshConnectionRefused'],
    [['ssh: Could not resolve hostname nas.local: Name or service not known'], 'SshHostNotFound'],
    [
      ['Connection timed out during banner exchange', 'Connection to 127.0.0.1 port 22099 timed out'],
      'SshTimedOut',
    ],
    [['Timeout, server 10.0.0.2 not responding.'], 'SshTimedOut'],
    [
      [
        'kex_exchange_identification: Connection closed by remote host',
        'Connection closed by 127.0.0.1 port 8080',
      ],
      'SshNotSshServer',
    ],
    [['Remote: bash: line 1: borg: command not found'], 'BorgNotOnServer'],
    [['Remote: sh: 1: borg: not found'], 'BorgNotOnServer'],
  ])('%j → %s', (lines, code) => {
    expect(sshFailureCause(lines)?.code).toBe(code);
  });

  it('names the host and port of a key it does not know, or that changed', () => {
    const unknown = sshFailureCause([
      'No ED25519 host key is known for [127.0.0.1]:2222 and you have requested strict checking.',
    ]);
    expect(unknown?.sshHost).toEqual({ host: '127.0.0.1', port: 2222 });
    const changed = sshFailureCause([
      'Host key for backup.example.org has changed and you have requested strict checking.',
    ]);
    expect(changed?.sshHost).toEqual({ host: 'backup.example.org', port: 22 });
  });

  it('names nothing for lines that explain nothing', () => {
    expect(
      sshFailureCause(['Authenticated to 127.0.0.1 ([127.0.0.1]:2222) using "publickey".']),
    ).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { BORG_1_2_CAPABILITIES, capabilitiesFor } from './capabilities.js';
import { borgErrorFromRun } from './errors.js';
import { repositoriesOf, unsupportedLocationError } from './location-guard.js';
import { sftpFailureCause } from './sftp-failures.js';

// The first line of the traceback message borg 2.0.0b19 logged (msgid "Exception") against the test sshd.
const traceback = (first: string): string =>
  `\nError:\n\n${first}\n\nIf reporting bugs, please include the following:\n`;

describe('sftpFailureCause', () => {
  it.each([
    ["SSHException: Server '[127.0.0.1]:42622' not found in known_hosts", 'SshHostKeyUnknown'],
    [
      "BadHostKeyException: Host key for server '127.0.0.1' does not match: got 'AAAA', expected 'BBBB'",
      'SshHostKeyChanged',
    ],
    ['SSHException: No authentication methods available', 'SshAuthenticationFailed'],
    ['AuthenticationException: Authentication failed.', 'SshAuthenticationFailed'],
    [
      'NoValidConnectionsError: [Errno None] Unable to connect to port 1 on 127.0.0.1',
      'SshConnectionRefused',
    ],
    ['gaierror: [Errno -2] Name or service not known', 'SshHostNotFound'],
    ['SSHException: Error reading SSH protocol banner', 'SshTimedOut'],
  ])('%s → %s', (first, code) => {
    expect(sftpFailureCause([traceback(first)])?.code).toBe(code);
  });

  it('keeps the host and port of an unknown key for the host-key check', () => {
    const cause = sftpFailureCause([
      traceback("SSHException: Server '[127.0.0.1]:42622' not found in known_hosts"),
    ]);
    expect(cause?.sshHost).toEqual({ host: '127.0.0.1', port: 42622 });
  });

  it('says what to install when borgstore cannot open the scheme', () => {
    const sftp = sftpFailureCause(['Error: Invalid or unsupported Backend Storage URL: sftp://me@nas/repo']);
    expect(sftp).toMatchObject({
      code: 'UnsupportedRepository',
      remedy: expect.stringMatching(/python3-paramiko/),
    });
    const rclone = sftpFailureCause([
      traceback('BackendDoesNotExist: rclone binary not found on the path or not working properly'),
    ]);
    expect(rclone?.remedy).toMatch(/apt install rclone/);
  });

  it('leaves other tracebacks alone', () => {
    expect(sftpFailureCause([traceback('KeyError: 17')])).toBeUndefined();
  });

  it('reaches the UI through borgErrorFromRun instead of "unexpected error"', () => {
    const error = borgErrorFromRun({
      rc: 2,
      cancelled: false,
      errors: [
        { message: 'Local Exception', msgid: 'Exception' },
        { message: traceback("SSHException: Server '[nas]:2222' not found in known_hosts") },
      ],
      rawLines: [],
    });
    expect(error).toMatchObject({ code: 'SshHostKeyUnknown', sshHost: { host: 'nas', port: 2222 } });
    expect(error.message).not.toMatch(/Traceback|SSHException/);
  });
});

describe('location guard', () => {
  const borg2 = capabilitiesFor({ major: 2, minor: 0, patch: 0, pre: 'b19', text: '2.0.0b19' });

  it('finds the repositories of borg 1 and borg 2 command lines', () => {
    expect(repositoriesOf(['list', '--json', '--', 'sftp://nas/r::a1'])).toEqual(['sftp://nas/r']);
    expect(repositoriesOf(['transfer', '--repo=sftp://nas/r', '--other-repo=/old', '--', 'x'])).toEqual([
      'sftp://nas/r',
      '/old',
    ]);
  });

  it('refuses sftp:// and rclone: for borg 1, and only what the table lacks for borg 2', () => {
    expect(unsupportedLocationError(['list', '--', 'sftp://nas/r'], BORG_1_2_CAPABILITIES)?.code).toBe(
      'UnsupportedRepository',
    );
    expect(
      unsupportedLocationError(['list', '--', 'rclone:drive:r::a'], BORG_1_2_CAPABILITIES),
    ).toBeDefined();
    expect(unsupportedLocationError(['list', '--', 'ssh://nas/r'], BORG_1_2_CAPABILITIES)).toBeUndefined();
    expect(unsupportedLocationError(['repo-list', '--repo=sftp://nas/r'], borg2)).toBeUndefined();
    const noRclone = { ...borg2, extraLocationSchemes: ['sftp'] };
    expect(unsupportedLocationError(['repo-list', '--repo=rclone:drive:r'], noRclone)?.message).toMatch(
      /rclone/,
    );
  });
});

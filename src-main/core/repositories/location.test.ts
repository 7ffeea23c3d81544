import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error.js';
import { isRemoteLocation, normalizeLocation, remoteHostOf } from './location.js';
import { parseLocation, type LocationPart, type ParsedLocation } from '../../model/location-syntax.js';

const home = '/home/ann';

/** What normalizeLocation threw for `location`, or a failure when it accepted it. */
function refusal(location: string): { part: LocationPart | undefined; error: AppError } {
  let thrown: unknown;
  try {
    normalizeLocation(location, home);
  } catch (e) {
    thrown = e;
  }
  expect(thrown, `${JSON.stringify(location)} should be refused`).toBeInstanceOf(AppError);
  const parsed = parseLocation(location);
  return { part: parsed.ok ? undefined : parsed.problem.part, error: thrown as AppError };
}

describe('hostile locations are refused with the part named', () => {
  // [location, the part the problem is about, a word the message must contain]
  const hostile: [string, LocationPart, RegExp][] = [
    // ssh options smuggled in as the host or the user
    ['-oProxyCommand=touch pwned:repo', 'host', /host .*cannot start with “-”/],
    ['-oProxyCommand=touch /tmp/pwned:repo', 'location', /cannot start with “-”/],
    ['ssh://-oProxyCommand=x/repo', 'host', /cannot start with “-”/],
    ['ssh://-p2222@nas/repo', 'user', /user name .*cannot start with “-”/],
    ['user@-host:path', 'host', /cannot start with “-”/],
    ['-user@host:path', 'user', /cannot start with “-”/],
    ['ssh://ann@-oProxyCommand=x:22/repo', 'host', /cannot start with “-”/],
    ['-oProxyCommand=touch x@nas:repo', 'user', /cannot start with “-”/],
    // whitespace and control characters, anywhere (local paths too)
    ['nas local:repo', 'host', /contains a space/],
    ['ssh://ann smith@nas/repo', 'user', /contains a space/],
    ['ssh://nas\t-oProxyCommand=x/repo', 'location', /tab, U\+0009/],
    ['ssh://nas/repo\n-oProxyCommand=x', 'location', /line break/],
    ['ann@nas:repo\r', 'location', /line break/],
    ['/srv/borg/re\0po', 'location', /NUL byte/],
    ['/srv/borg/repo\u0085', 'location', /U\+0085/],
    ['ssh://nas\u200b/repo', 'location', /U\+200B/],
    ['/srv/\u202egpj.repo', 'location', /U\+202E/],
    ['ssh://nas/repo\u2028', 'location', /U\+2028/],
    ['ann@nas:repo\u001b[2J', 'location', /U\+001B/],
    ['\tann@nas:repo', 'location', /tab/],
    // characters no host or user name has
    ['ssh://ann@host;id/repo', 'host', /contains “;”/],
    ['ssh://ann@$(id)/repo', 'host', /contains “\$”/],
    ["ssh://ann@'nas'/repo", 'host', /contains “'”/],
    ['ssh://ann@nas=x/repo', 'host', /contains “=”/],
    ['ssh://ann@.nas/repo', 'host', /contains “\.”/],
    ['ssh://ann@nüs/repo', 'host', /contains “ü”.*/],
    ['ssh://an;n@nas/repo', 'user', /contains “;”/],
    ['ssh://a$b@nas/repo', 'user', /contains “\$”/],
    ['ssh://ann:secret@nas/repo', 'user', /user name “ann:secret” contains “:”/],
    ['ann@@nas:repo', 'user', /more than one “@”/],
    ['ssh://ann@home@nas.local/repo', 'user', /more than one “@”/],
    ['@nas:repo', 'user', /user name before “@” is empty/],
    // no host
    ['ssh:///repo', 'host', /no host/],
    ['ssh://ann@/repo', 'host', /no host/],
    ['ssh://:22/repo', 'host', /no host/],
    // ports
    ['ssh://ann@nas:0/repo', 'port', /“0” is not a number from 1 to 65535/],
    ['ssh://ann@nas:65536/repo', 'port', /65536/],
    ['ssh://ann@nas:abc/repo', 'port', /“abc”/],
    ['ssh://ann@nas:-1/repo', 'port', /“-1”/],
    ['ssh://ann@nas:22 /repo', 'port', /“22 ”/],
    ['ssh://ann@nas:/repo', 'port', /port after “:” is empty/],
    ['ssh://ann@nas:100000/repo', 'port', /100000/],
    ['ssh://ann@[::1]:0/repo', 'port', /“0”/],
    // IPv6 that is not
    ['ssh://ann@[nas]/repo', 'host', /not an IPv6 address/],
    ['ssh://ann@[::1/repo', 'host', /no closing “]”/],
    ['ssh://ann@[::1]x/repo', 'host', /Only “:port”/],
    ['ssh://ann@[::1%eth0]/repo', 'host', /not an IPv6 address/],
    ['ann@[::1]x:repo', 'host', /not an IPv6 address/],
    // empty or unusable paths
    ['ssh://ann@nas', 'path', /names no folder/],
    ['ssh://ann@nas:22', 'path', /names no folder/],
    ['ssh://ann@nas/', 'path', /names no folder/],
    ['ann@nas:', 'path', /names no folder/],
    ['ann@nas::repo', 'path', /cannot start with “:”/],
    ['ann@nas://repo', 'path', /cannot start with “:” or “\/\/”/],
    ['ssh://ann@nas/repo::archive', 'path', /“::”/],
    ['/srv/borg/repo::archive', 'path', /“::”/],
    ['file://', 'path', /absolute path/],
    ['file://server/repo', 'path', /absolute path/],
    // schemes Borgdesk does not drive
    ['http://nas/repo', 'scheme', /“http:\/\/”/],
    ['socket:///run/borg.sock', 'scheme', /“socket:\/\/”/],
    ['SSH://ann@nas/repo', 'scheme', /lower case/],
    ['SFTP://ann@nas/repo', 'scheme', /lower case/],
    ['RClone:remote:path', 'scheme', /lower case/],
    // borg 2's borgstore locations get the same checks as ssh://
    ['sftp://-oProxyCommand=x@nas/repo', 'user', /cannot start with “-”/],
    ['sftp://ann@-nas/repo', 'host', /cannot start with “-”/],
    ['sftp://ann@nas:99999/repo', 'port', /65535/],
    ['sftp://ann@nas/', 'path', /no folder/],
    ['rclone:', 'host', /rclone remote/],
    ['rclone:remote', 'host', /rclone remote/],
    ['rclone:-x:path', 'host', /rclone remote/],
    ['rclone:remote:a::b', 'path', /::/],
    // nothing at all
    ['   ', 'location', /Enter where the repository is/],
  ];

  it.each(hostile)('%j is refused (%s)', (location, part, message) => {
    const found = refusal(location);
    expect(found.error.code).toBe('InvalidInput');
    expect(found.error.message).toMatch(message);
    expect(found.error.remedy ?? '').not.toBe('');
    // A message is one line with no control characters, whatever the location held.
    expect(found.error.message).not.toMatch(/[\p{Cc}\p{Cf}]/u);
    if (location.trim() !== '') expect(found.part).toBe(part);
  });

  it('quotes at most 40 characters of a long bad host', () => {
    const { error } = refusal(`ssh://-${'x'.repeat(500)}/repo`);
    expect(error.message.length).toBeLessThan(120);
    expect(error.message).toContain('…');
  });

  it('refuses locations longer than any path', () => {
    expect(refusal(`/srv/${'a'.repeat(5000)}`).error.message).toMatch(/too long/);
  });
});

describe('valid locations are kept exactly as typed', () => {
  // [location, the parts borg will use]
  const valid: [string, Partial<ParsedLocation>][] = [
    [
      'ssh://ann@nas:2222/./backups/repo',
      { form: 'ssh-url', user: 'ann', host: 'nas', port: 2222, path: '/./backups/repo' },
    ],
    ['ssh://nas/srv/repo', { form: 'ssh-url', host: 'nas', path: '/srv/repo' }],
    ['ssh://borg@backup.example.org:22/~/repo', { host: 'backup.example.org', port: 22, path: '/~/repo' }],
    ['ssh://borg@[2001:db8::7]:22/repo', { user: 'borg', host: '2001:db8::7', port: 22, path: '/repo' }],
    ['ssh://[::1]/repo', { host: '::1', path: '/repo' }],
    ['ssh://ann@[::ffff:192.0.2.1]/repo', { host: '::ffff:192.0.2.1' }],
    ['ssh://u12345@u12345.your-storagebox.de:23/./borg', { user: 'u12345', port: 23 }],
    ['ssh://ann@192.0.2.10:65535/repo', { host: '192.0.2.10', port: 65535 }],
    ['ssh://ann@nas:1/repo', { port: 1 }],
    ['ssh://ann@nas/my backups/repo', { path: '/my backups/repo' }],
    ['ssh://MACHINE$@nas/repo', { user: 'MACHINE$' }],
    ['ssh://first.last@nas/repo', { user: 'first.last' }],
    ['ann@nas:backups/repo', { form: 'scp', user: 'ann', host: 'nas', path: 'backups/repo' }],
    ['nas.local:/srv/repo', { form: 'scp', host: 'nas.local', path: '/srv/repo' }],
    ['my_nas_alias:repo', { host: 'my_nas_alias' }],
    ['ann@[::1]:repo', { form: 'scp', user: 'ann', host: '::1', path: 'repo' }],
    ['[2001:db8::7]:/srv/repo', { host: '2001:db8::7', path: '/srv/repo' }],
    ['ann@nas:~/repo', { path: '~/repo' }],
    ['ann@nas:22:/srv/repo', { host: 'nas', path: '22:/srv/repo' }],
    ['file:///srv/borg/repo', { form: 'file-url', path: '/srv/borg/repo' }],
    [
      'sftp://ann@nas:2222//srv/repo',
      { form: 'sftp-url', scheme: 'sftp', user: 'ann', host: 'nas', port: 2222, path: '//srv/repo' },
    ],
    ['sftp://nas/backups/repo', { form: 'sftp-url', host: 'nas', path: '/backups/repo' }],
    ['rclone:mydrive:backups/repo', { form: 'rclone', scheme: 'rclone', path: 'backups/repo' }],
    ['rclone:local:/srv/repo', { form: 'rclone', path: '/srv/repo' }],
  ];

  it.each(valid)('%j', (location, parts) => {
    expect(normalizeLocation(location, home)).toBe(location);
    const parsed = parseLocation(location);
    expect(parsed.ok && parsed.location).toMatchObject(parts);
    expect(isRemoteLocation(location)).toBe(true);
  });

  it('expands ~ and makes local paths absolute under home', () => {
    expect(normalizeLocation('~/Backups/repo/', home)).toBe('/home/ann/Backups/repo');
    expect(normalizeLocation('~', home)).toBe('/home/ann');
    expect(normalizeLocation('Backups/repo', home)).toBe('/home/ann/Backups/repo');
    expect(normalizeLocation('  /srv/borg//repo/../repo2  ', home)).toBe('/srv/borg/repo2');
    expect(normalizeLocation('/media/usb/My Backups: 2024', home)).toBe('/media/usb/My Backups: 2024');
    expect(normalizeLocation('/srv/a:b', home)).toBe('/srv/a:b');
    expect(normalizeLocation('/srv/-repo', home)).toBe('/srv/-repo');
    expect(normalizeLocation('/srv/backups/Ünïcødé 📦', home)).toBe('/srv/backups/Ünïcødé 📦');
    expect(isRemoteLocation('/srv/a:b')).toBe(false);
    expect(isRemoteLocation('C:\\Backups\\repo')).toBe(false);
  });
});

describe('remoteHostOf', () => {
  it('finds the host of ssh URLs and scp-style locations', () => {
    expect(remoteHostOf('ssh://borg@backup.example.org:2222/./repo')).toBe('backup.example.org');
    expect(remoteHostOf('ssh://nas/srv/repo')).toBe('nas');
    expect(remoteHostOf('ssh://borg@[2001:db8::7]:22/repo')).toBe('2001:db8::7');
    expect(remoteHostOf('ann@nas:backups/repo')).toBe('nas');
    expect(remoteHostOf('nas.local:/srv/repo')).toBe('nas.local');
  });

  it('has no host for local paths, file URLs and locations the parser refuses', () => {
    expect(remoteHostOf('/srv/borg/repo')).toBeUndefined();
    expect(remoteHostOf('C:\\Backups\\repo')).toBeUndefined();
    expect(remoteHostOf('file:///srv/borg/repo')).toBeUndefined();
    expect(remoteHostOf('ssh:///repo')).toBeUndefined();
    // A hostile host must never reach a name lookup.
    expect(remoteHostOf('-oProxyCommand=touch pwned:repo')).toBeUndefined();
    expect(remoteHostOf('ssh://-oProxyCommand=x/repo')).toBeUndefined();
    expect(remoteHostOf('ssh://ann@home@nas.local/repo')).toBeUndefined();
    expect(remoteHostOf('ssh://nas\n/repo')).toBeUndefined();
  });
});

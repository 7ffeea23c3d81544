import { describe, expect, it } from 'vitest';
import { locationFieldError } from './location-field.js';

describe('locationFieldError', () => {
  it('says what to enter when nothing is typed', () => {
    expect(locationFieldError('  ', 'Choose a folder.', [])).toBe('Choose a folder.');
  });

  it('names the part that is wrong and how to fix it, as the core would', () => {
    expect(locationFieldError('-oProxyCommand=touch pwned:repo', '', [])).toMatch(
      /^The host “-oProxyCommand=touch pwned” cannot start with “-”: ssh would read it as an option\. Write it as user@host:path/,
    );
    expect(locationFieldError('ssh://ann@nas:0/repo', '', [])).toMatch(
      /^The port “0” is not a number from 1 to 65535\./,
    );
    expect(locationFieldError('ssh://nas/re\u0000po', '', [])).toMatch(/invisible character \(a NUL byte/);
  });

  it('accepts folders and ssh addresses', () => {
    expect(locationFieldError('/media/usb/backups', '', [])).toBeUndefined();
    expect(locationFieldError(' ssh://borg@[2001:db8::7]:22/./repo ', '', [])).toBeUndefined();
    expect(locationFieldError('ann@nas:backups/repo', '', [])).toBeUndefined();
  });

  it('accepts sftp:// and rclone: only when the borg in use opens them', () => {
    expect(locationFieldError('sftp://ann@nas//srv/repo', '', [])).toMatch(/sftp:\/\/ locations need borg 2/);
    expect(locationFieldError('sftp://ann@nas//srv/repo', '', ['sftp'])).toBeUndefined();
    expect(locationFieldError('rclone:drive:repo', '', ['sftp'])).toMatch(/rclone program/);
    expect(locationFieldError('rclone:drive:repo', '', ['sftp', 'rclone'])).toBeUndefined();
    expect(locationFieldError('sftp://-x@nas/repo', '', ['sftp'])).toMatch(/cannot start with “-”/);
  });
});

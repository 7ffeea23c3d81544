import { describe, expect, it } from 'vitest';
import { buildBorgEnv, KNOWN_PROMPTS } from './env.js';

const parent = {
  PATH: '/usr/bin',
  HOME: '/home/u',
  LANG: 'de_DE.ISO-8859-1',
  BORG_PASSPHRASE: 'parent-secret',
  BORG_NEW_PASSPHRASE: 'parent-new-secret',
  BORG_PASSCOMMAND: 'pass show parent',
  BORG_PASSPHRASE_FD: '7',
  BORG_RELOCATED_REPO_ACCESS_IS_OK: 'yes',
  BORG_SOMETHING_ELSE_I_KNOW_WHAT_I_AM_DOING: 'YES',
  BORG_BASE_DIR: '/tmp/base',
};

describe('buildBorgEnv', () => {
  it('drops every passphrase variable of the parent and keeps the rest', () => {
    const env = buildBorgEnv(parent, {});
    for (const key of ['BORG_PASSPHRASE', 'BORG_NEW_PASSPHRASE', 'BORG_PASSCOMMAND', 'BORG_PASSPHRASE_FD']) {
      expect(env[key], key).toBeUndefined();
    }
    expect(Object.values(env).join('\n')).not.toMatch(/secret/);
    expect(env).toMatchObject({ PATH: '/usr/bin', HOME: '/home/u', BORG_BASE_DIR: '/tmp/base' });
  });

  it('points borg at the folders a run asks for, over the parent’s', () => {
    const env = buildBorgEnv(
      { ...parent, BORG_KEYS_DIR: '/home/u/.config/borg/keys' },
      { folders: { BORG_KEYS_DIR: '/tmp/t/keys', BORG_SECURITY_DIR: '/tmp/t/security' } },
    );
    expect(env).toMatchObject({ BORG_KEYS_DIR: '/tmp/t/keys', BORG_SECURITY_DIR: '/tmp/t/security' });
    expect(env.BORG_CONFIG_DIR).toBeUndefined();
  });

  it('forces a UTF-8 locale, hides passphrases and asks for legacy exit codes', () => {
    expect(buildBorgEnv(parent, {})).toMatchObject({
      LANG: 'C.UTF-8',
      LC_ALL: 'C.UTF-8',
      BORG_DISPLAY_PASSPHRASE: 'no',
      BORG_EXIT_CODES: 'legacy',
    });
  });

  it('answers "no" to every known prompt without consent, whatever the parent said', () => {
    const env = buildBorgEnv(parent, {});
    for (const name of Object.keys(KNOWN_PROMPTS)) expect(env[name], name).toBe('no');
    expect(env.BORG_SOMETHING_ELSE_I_KNOW_WHAT_I_AM_DOING).toBeUndefined();
  });

  it('answers the way borg expects for consented prompts only', () => {
    const env = buildBorgEnv(parent, {
      consentedPrompts: [
        'BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK',
        'BORG_DELETE_I_KNOW_WHAT_I_AM_DOING',
        'NOT_A_PROMPT',
      ],
    });
    expect(env.BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK).toBe('yes');
    expect(env.BORG_DELETE_I_KNOW_WHAT_I_AM_DOING).toBe('YES');
    expect(env.BORG_RELOCATED_REPO_ACCESS_IS_OK).toBe('no');
    expect(env.NOT_A_PROMPT).toBeUndefined();
  });

  it('points borg at fd 3 for the passphrase and never carries the passphrase itself', () => {
    const env = buildBorgEnv(parent, { passphraseOnFd: true, passcommand: 'pass show x' });
    expect(env.BORG_PASSPHRASE_FD).toBe('3');
    // With a passphrase on the pipe a passcommand would win inside borg, so it is left out.
    expect(env.BORG_PASSCOMMAND).toBeUndefined();
  });

  it("passes the user's passcommand when there is no passphrase", () => {
    const env = buildBorgEnv(parent, { passcommand: 'pass show borg' });
    expect(env.BORG_PASSCOMMAND).toBe('pass show borg');
    expect(env.BORG_PASSPHRASE_FD).toBeUndefined();
  });
});

describe('PATH for a borg found outside it', () => {
  it("appends borg's folder once, after the system's (so /usr/bin's ssh still comes first)", async () => {
    const { pathWith } = await import('./env.js');
    expect(pathWith('/usr/bin:/bin', '/opt/homebrew/bin')).toBe('/usr/bin:/bin:/opt/homebrew/bin');
    expect(pathWith('/usr/bin:/opt/homebrew/bin', '/opt/homebrew/bin')).toBe('/usr/bin:/opt/homebrew/bin');
    expect(pathWith(undefined, '/opt/local/bin')).toBe('/opt/local/bin');
    expect(pathWith('/usr/bin', 'relative/dir')).toBe('/usr/bin');
  });
});

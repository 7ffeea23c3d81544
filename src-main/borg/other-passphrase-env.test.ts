// The other repository's secret (borg 2's --other-repo) reaches borg like the main one: as an fd
// number or the user's passcommand, never as the passphrase itself, and never inherited.
import { describe, expect, it } from 'vitest';
import { buildBorgEnv, OTHER_PASSPHRASE_FD } from './env.js';

describe('other repository passphrase in the environment', () => {
  const parent = {
    BORG_OTHER_PASSPHRASE: 'leak',
    BORG_OTHER_PASSCOMMAND: 'cat x',
    BORG_OTHER_PASSPHRASE_FD: '9',
  };

  it('drops the parent variables', () => {
    const env = buildBorgEnv(parent, {});
    expect(Object.keys(env).filter((k) => k.startsWith('BORG_OTHER'))).toEqual([]);
  });

  it('names fd 4 for a piped passphrase, and wins over a passcommand', () => {
    const env = buildBorgEnv(parent, { otherPassphraseOnFd: true, otherPasscommand: 'pass show old' });
    expect(env.BORG_OTHER_PASSPHRASE_FD).toBe(String(OTHER_PASSPHRASE_FD));
    expect(env.BORG_OTHER_PASSCOMMAND).toBeUndefined();
    expect(Object.values(env)).not.toContain('leak');
  });

  it('passes the user passcommand of the other repository', () => {
    expect(buildBorgEnv({}, { otherPasscommand: 'pass show old' }).BORG_OTHER_PASSCOMMAND).toBe(
      'pass show old',
    );
  });
});

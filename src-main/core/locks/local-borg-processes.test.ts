import { describe, expect, it } from 'vitest';
import { isBorgRunOn, lockModeOf } from './local-borg-processes.js';

const LOCATION = 'ssh://backup@nas:2222/srv/borg/laptop';

describe('borg runs on a location', () => {
  it('finds borg by its script or binary naming the location or one of its archives', () => {
    expect(
      isBorgRunOn(['/usr/bin/python3', '/usr/bin/borg', 'with-lock', '--', LOCATION, 'x'], LOCATION),
    ).toBe(true);
    expect(isBorgRunOn(['borg', 'create', '--json', '--', `${LOCATION}::daily`, '/home'], LOCATION)).toBe(
      true,
    );
  });

  it('ignores other repositories, a longer path and programs that are not borg', () => {
    expect(isBorgRunOn(['borg', 'list', `${LOCATION}-old`], LOCATION)).toBe(false);
    expect(isBorgRunOn(['borg', 'list', 'ssh://backup@nas:2222/srv/borg/other'], LOCATION)).toBe(false);
    expect(isBorgRunOn(['vim', LOCATION], LOCATION)).toBe(false);
    expect(isBorgRunOn(['ssh', '-p', '2222', 'backup@nas', 'borg', 'serve'], LOCATION)).toBe(false);
  });

  it('tells reading runs from writing ones', () => {
    expect(lockModeOf(['borg', 'mount', LOCATION, '/mnt'])).toBe('shared');
    expect(lockModeOf(['borg', 'create', `${LOCATION}::a`, '/home'])).toBe('exclusive');
    expect(lockModeOf(['borg', 'with-lock', LOCATION, 'sleep'])).toBe('exclusive');
  });
});

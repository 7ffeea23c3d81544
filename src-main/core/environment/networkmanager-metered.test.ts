import { describe, expect, it } from 'vitest';
import { meteredFromNetworkManager } from './networkmanager-metered.js';

describe('meteredFromNetworkManager', () => {
  it('counts NetworkManager’s yes and guess-yes as metered, no and guess-no as not', () => {
    expect(meteredFromNetworkManager(1)).toBe(true);
    expect(meteredFromNetworkManager(3)).toBe(true);
    expect(meteredFromNetworkManager(2)).toBe(false);
    expect(meteredFromNetworkManager(4)).toBe(false);
  });

  it('leaves unknown, future and malformed values unknown', () => {
    for (const value of [0, 5, -1, '1', true, undefined, null])
      expect(meteredFromNetworkManager(value), String(value)).toBeUndefined();
  });
});

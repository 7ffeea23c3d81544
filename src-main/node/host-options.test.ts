import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, HostOptionsError, parseHostOptions } from './host-options.js';

describe('parseHostOptions', () => {
  it('defaults to loopback on the default port, which may fall back', () => {
    expect(parseHostOptions([], {})).toEqual({
      host: '127.0.0.1',
      port: DEFAULT_PORT,
      portExplicit: false,
      printJson: false,
    });
  });

  it('reads the environment, and flags win over it', () => {
    const env = { BORGDESK_HOST: 'localhost', BORGDESK_PORT: '8100', BORGDESK_URL_FILE: '/tmp/url' };
    expect(parseHostOptions([], env)).toEqual({
      host: 'localhost',
      port: 8100,
      portExplicit: true,
      printJson: false,
      urlFile: '/tmp/url',
    });
    expect(parseHostOptions(['--port', '0', '--host=::1', '--print-json'], env)).toMatchObject({
      host: '::1',
      port: 0,
      portExplicit: true,
      printJson: true,
    });
  });

  it('explains bad values and unknown flags', () => {
    expect(() => parseHostOptions(['--port', '70000'], {})).toThrow(/--port must be a port number/);
    expect(() => parseHostOptions(['--port'], {})).toThrow(/--port needs a value/);
    expect(() => parseHostOptions([], { BORGDESK_PORT: '12ab' })).toThrow(/BORGDESK_PORT/);
    expect(() => parseHostOptions(['--verbose'], {})).toThrow(HostOptionsError);
  });
});

import { describe, expect, it } from 'vitest';
import { isExternalLinkAllowed } from './external-links.js';
import { isPermissionAllowed } from './permissions.js';

describe('permissions', () => {
  it('lets only our main frame write to the clipboard', () => {
    const app = { url: 'app://borgdesk/index.html', isMainFrame: true };
    expect(isPermissionAllowed('clipboard-sanitized-write', app)).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', { ...app, isMainFrame: false })).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', { url: 'app://other/', isMainFrame: true })).toBe(
      false,
    );
    expect(
      isPermissionAllowed('clipboard-sanitized-write', { url: 'https://borgdesk/', isMainFrame: true }),
    ).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', { url: undefined, isMainFrame: true })).toBe(
      false,
    );
  });

  it('denies everything else, also to our own frame', () => {
    const app = { url: 'app://borgdesk/index.html', isMainFrame: true };
    for (const permission of ['clipboard-read', 'media', 'notifications', 'geolocation', 'openExternal'])
      expect(isPermissionAllowed(permission, app)).toBe(false);
  });
});

describe('external links', () => {
  it('opens borg documentation and the project pages', () => {
    expect(isExternalLinkAllowed('https://borgbackup.readthedocs.io/en/stable/usage/create.html')).toBe(true);
    expect(isExternalLinkAllowed('https://github.com/borgdesk/borgdesk/issues')).toBe(true);
  });

  it('refuses other sites, other schemes, look-alikes and credentials', () => {
    for (const url of [
      'https://example.com/',
      'http://borgbackup.readthedocs.io/',
      'https://borgbackup.readthedocs.io.evil.example/',
      'https://github.com/someone-else/borgdesk',
      'https://github.com/borgdesk/borgdesk-evil',
      'https://user:pw@borgbackup.readthedocs.io/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
    ])
      expect(isExternalLinkAllowed(url), url).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { autostartEntry, HIDDEN_ARG, isOwnAutostartEntry, loginItemAction } from './login-item-support.js';

describe('autostartEntry', () => {
  it('starts the executable hidden, quoting the path the Desktop Entry way', () => {
    const text = autostartEntry('/opt/My "Apps"/$HOME/borg`desk\\x.AppImage');
    const exec = text.split('\n').find((line) => line.startsWith('Exec='));
    expect(exec).toBe(`Exec="/opt/My \\"Apps\\"/\\$HOME/borg\\\`desk\\\\x.AppImage" ${HIDDEN_ARG}`);
    expect(text.startsWith('[Desktop Entry]\n')).toBe(true);
    expect(text).toContain('\nType=Application\n');
    expect(text.endsWith('\n')).toBe(true);
  });

  it('recognises its own entry and not a hand-written one', () => {
    expect(isOwnAutostartEntry(autostartEntry('/usr/bin/borgdesk'))).toBe(true);
    expect(isOwnAutostartEntry(autostartEntry('/usr/bin/borgdesk').replace(/\n/g, '\r\n'))).toBe(true);
    const handWritten = '[Desktop Entry]\nType=Application\nExec=borgdesk\n# X-Borgdesk-Autostart=true\n';
    expect(isOwnAutostartEntry(handWritten)).toBe(false);
  });
});

describe('loginItemAction', () => {
  it('lets the setting win: on re-registers (refreshing the path), off removes a leftover item', () => {
    expect(loginItemAction(true, false)).toBe('register');
    expect(loginItemAction(true, true)).toBe('register');
    expect(loginItemAction(false, true)).toBe('unregister');
    expect(loginItemAction(false, false)).toBe('none');
  });
});

import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { SecretStorage } from '../../src-main/model/secret-storage.js';
import { RememberPassphraseChoice } from './RememberPassphraseField.js';

function render(storage: SecretStorage | undefined, checked: boolean): string {
  return renderToStaticMarkup(
    <RememberPassphraseChoice storage={storage} checked={checked} onChange={() => {}} />,
  );
}

describe('RememberPassphraseChoice', () => {
  it('offers the choice with the statement of where the keyring keeps it', () => {
    const html = render({ kind: 'secret-service', persistent: true, label: 'Kept in your keyring.' }, true);
    expect(html).toContain('Remember the passphrase on this computer');
    expect(html).toMatch(/type="checkbox"[^>]*checked=""/);
    expect(html).not.toContain('disabled');
    expect(html).toContain('Kept in your keyring.');
    expect(html).toContain('run after a restart without anyone unlocking');
  });

  it('is unavailable where nothing lasts, and says why', () => {
    const label =
      'Passphrases are kept in memory only until Borgdesk stops: no keyring found on the session bus.';
    const html = render({ kind: 'memory', persistent: false, label }, true);
    expect(html).toMatch(/type="checkbox"[^>]*disabled=""/);
    expect(html).not.toMatch(/checked=""/);
    expect(html).toContain(label);
    expect(html).toContain('wait until you unlock');
  });

  it('shows the store’s problem (a locked keyring)', () => {
    const html = render(
      {
        kind: 'secret-service',
        persistent: true,
        label: 'Kept in your keyring.',
        problem: 'The keyring is locked.',
      },
      false,
    );
    expect(html).toContain('The keyring is locked.');
    expect(html).not.toMatch(/checked=""/);
  });
});

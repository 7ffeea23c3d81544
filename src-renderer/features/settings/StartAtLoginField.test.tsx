import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { StartAtLoginField } from './StartAtLoginField.js';

const render = (props: Partial<Parameters<typeof StartAtLoginField>[0]>): string =>
  renderToStaticMarkup(<StartAtLoginField checked={true} onChange={() => {}} supported={true} {...props} />);

describe('StartAtLoginField', () => {
  it('offers the switch in the desktop app', () => {
    const html = render({});
    expect(html).toContain('Start Borgdesk when I log in');
    expect(html).toMatch(/role="switch"[^>]*checked=""/);
    expect(html).not.toContain('disabled');
    expect(html).toContain('starts without opening its window');
  });

  it('disables it with the reason in the browser host', () => {
    const html = render({ supported: false });
    expect(html).toMatch(/role="switch"[^>]*disabled=""/);
    expect(html).not.toMatch(/checked=""/);
    expect(html).toContain('Only the desktop app can start at login.');
  });

  it('says why there is no tray icon and what closing the window does instead', () => {
    const html = render({ trayProblem: 'GNOME shows no tray icons without the AppIndicator extension' });
    expect(html).toContain(
      'No tray icon: GNOME shows no tray icons without the AppIndicator extension. Closing the window minimises Borgdesk instead.',
    );
    expect(render({})).not.toContain('No tray icon');
  });
});

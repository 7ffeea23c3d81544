import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { moreWarningsText } from '../../src-main/model/more-warnings.js';
import { WarningList } from './WarningList.js';

describe('WarningList', () => {
  afterEach(() => i18next.changeLanguage('en'));

  it("keeps borg's warnings verbatim, marked as borg's, and words the left-out count (en as the core's)", () => {
    const html = renderToStaticMarkup(
      <WarningList warnings={['/home/a: file changed while we backed it up']} more={3} about="files" open />,
    );
    expect(html).toContain(
      '<li translate="no" title="borg says:">/home/a: file changed while we backed it up</li>',
    );
    expect(html).toContain(moreWarningsText(3));
    expect(html).toContain('4 warnings');
  });

  it('words the left-out count in German', async () => {
    await i18next.changeLanguage('de');
    const html = renderToStaticMarkup(<WarningList warnings={['x']} more={1} about="Dateien" />);
    expect(html).toContain('… und 1 weitere Warnung (siehe Aufgabenprotokoll).');
    expect(html).toContain('title="borg meldet:"');
  });
});

import { govukStylesheet, SYSTEM_FONT_STACK } from './web-assets';

describe('govukStylesheet', () => {
  const css = govukStylesheet();

  it('uses system fonts: GDS Transport, its font files and the GOV.UK crest are never asked for', () => {
    expect(css).not.toMatch(/GDS Transport/i);
    expect(css).not.toMatch(/@font-face|\/assets\/fonts\//);
    expect(css).toContain(`font-family:${SYSTEM_FONT_STACK}`);
    expect(css).not.toContain('sourceMappingURL');
  });

  it('keeps the rest of GOV.UK Frontend', () => {
    for (const selector of ['.govuk-button', '.govuk-error-summary', '.govuk-skip-link', '.govuk-summary-list', '.govuk-radios__input']) {
      expect(css).toContain(selector);
    }
  });

  it('rewrites both spellings of the font stack', () => {
    expect(govukStylesheet('a{font-family:"GDS Transport",arial,sans-serif}@font-face{font-family:GDS Transport;src:url(/assets/fonts/x.woff2)}')).toBe(
      `a{font-family:${SYSTEM_FONT_STACK}}`,
    );
  });
});

import express, { Router } from 'express';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GOVUK_FRONTEND_DIR, WEB_TEMPLATES_DIR } from '../web-paths';

/** Fonts a service outside GOV.UK may use: the ones on an officer's laptop. */
export const SYSTEM_FONT_STACK = 'arial,"Liberation Sans",helvetica,sans-serif';

/**
 * GOV.UK Frontend's compiled stylesheet with its typeface swapped for system fonts. The GDS Transport
 * font is only licensed for GOV.UK, and this is not GOV.UK; the Sass setting that would do this
 * needs a Sass compiler, so the compiled CSS is rewritten once at start-up instead.
 */
export function govukStylesheet(css = readFileSync(join(GOVUK_FRONTEND_DIR, 'govuk-frontend.min.css'), 'utf8')): string {
  return css
    .replace(/@font-face\{[^}]*\}/g, '')
    .replace(/font-family:\s*"?GDS Transport"?\s*,\s*arial\s*,\s*sans-serif/g, `font-family:${SYSTEM_FONT_STACK}`)
    .replace(/\/\*# sourceMappingURL=[^*]*\*\//g, '');
}

/** GOV.UK Frontend's JavaScript, an ES module with no imports of its own. */
function govukScript(): string {
  return readFileSync(join(GOVUK_FRONTEND_DIR, 'govuk-frontend.min.js'), 'utf8').replace(/\/\/# sourceMappingURL=\S+\s*$/, '');
}

/**
 * Everything the pages load, served by the app itself: officers may be on a laptop with no
 * internet, and the CSP allows nothing from elsewhere. Mounted at /assets.
 */
export function webAssets(): Router {
  const router = Router();
  const stylesheet = govukStylesheet();
  const script = govukScript();
  router.get('/govuk/govuk-frontend.min.css', (_request, response) => {
    response.type('text/css').setHeader('Cache-Control', 'public, max-age=3600');
    response.send(stylesheet);
  });
  router.get('/govuk/govuk-frontend.min.js', (_request, response) => {
    response.type('text/javascript').setHeader('Cache-Control', 'public, max-age=3600');
    response.send(script);
  });
  router.use('/app', express.static(join(WEB_TEMPLATES_DIR, 'assets'), { index: false, maxAge: '1h', fallthrough: true }));
  return router;
}

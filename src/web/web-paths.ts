import * as path from 'node:path';

/** templates/web at the project root, found from src/web (ts-node, jest) and dist/web (built) alike. */
export const WEB_TEMPLATES_DIR = path.resolve(__dirname, '..', '..', 'templates', 'web');

/** GOV.UK Frontend's compiled CSS and JS: the package's `require` entry point sits beside them. */
export const GOVUK_FRONTEND_DIR = path.dirname(require.resolve('govuk-frontend'));

/**
 * A stand-in for the server in test/handbook-pdf.e2e-spec.ts: starts a ChromiumPdfRenderer,
 * prints once, writes Chromium's pid on stdout, then waits to be killed.
 */
import { ChromiumPdfRenderer } from '../../src/handbook/pdf-renderer';

const renderer = new ChromiumPdfRenderer();
void renderer
  .start()
  .then(() => renderer.render('<html><body><p>Host</p></body></html>'))
  .then(() => {
    process.stdout.write(`${renderer.browserPid()}\n`);
    setInterval(() => undefined, 60_000);
  });

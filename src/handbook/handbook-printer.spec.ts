import { buildHandbookInput } from '../../test/handbook/handbook-input.factory';
import { HandbookComposer } from './handbook-composer';
import { HandbookPrinter } from './handbook-printer';
import { PdfCache } from './pdf-cache';
import type { PdfRenderer, PdfRenderOptions } from './pdf-renderer';

class FakeRenderer implements PdfRenderer {
  readonly calls: Array<{ html: string; options?: PdfRenderOptions }> = [];
  private release: (() => void) | null = null;
  hold = false;

  async render(html: string, options?: PdfRenderOptions): Promise<Buffer> {
    this.calls.push({ html, options });
    if (this.hold) await new Promise<void>((resolve) => (this.release = resolve));
    return Buffer.from(`%PDF fake ${this.calls.length}`);
  }

  finish(): void {
    this.release?.();
  }

  async close(): Promise<void> {}
}

describe('HandbookPrinter', () => {
  const composer = new HandbookComposer();
  let renderer: FakeRenderer;
  let printer: HandbookPrinter;

  beforeEach(() => {
    renderer = new FakeRenderer();
    printer = new HandbookPrinter(composer, renderer, new PdfCache());
  });

  it('prints the exact html that compose() returns, with its hash', async () => {
    const input = buildHandbookInput();
    const printed = await printer.print(input);
    const composed = printer.compose(input);
    expect(renderer.calls[0].html).toBe(composed.html);
    expect(printed).toMatchObject({ contentHash: composed.contentHash, cached: false, options: { largePrint: false } });
  });

  it('reprints an unchanged handbook from the cache without rendering', async () => {
    const first = await printer.print(buildHandbookInput());
    const again = await printer.print(buildHandbookInput());
    expect(renderer.calls).toHaveLength(1);
    expect(again).toMatchObject({ cached: true, contentHash: first.contentHash });
    expect(again.pdf.equals(first.pdf)).toBe(true);
  });

  it('renders again when anything printed changes', async () => {
    await printer.print(buildHandbookInput());
    await printer.print(buildHandbookInput({ nextUpdateDate: '2026-11-27' }));
    await printer.print(buildHandbookInput({ options: { largePrint: true } }));
    expect(renderer.calls).toHaveLength(3);
    expect(renderer.calls[2].options).toEqual({ largePrint: true });
  });

  it('shares one render between two identical prints at the same moment', async () => {
    renderer.hold = true;
    const first = printer.print(buildHandbookInput());
    const second = printer.print(buildHandbookInput());
    await Promise.resolve();
    renderer.finish();
    const [a, b] = await Promise.all([first, second]);
    expect(renderer.calls).toHaveLength(1);
    expect([a.cached, b.cached]).toEqual([false, true]);
  });

  it('does not cache a failed render', async () => {
    const failing: PdfRenderer = { render: jest.fn().mockRejectedValueOnce(new Error('boom')).mockResolvedValue(Buffer.from('%PDF')), close: jest.fn() };
    const retrying = new HandbookPrinter(composer, failing);
    await expect(retrying.print(buildHandbookInput())).rejects.toThrow('boom');
    await expect(retrying.print(buildHandbookInput())).resolves.toMatchObject({ cached: false });
  });
});

import type { ComposedHandbook, HandbookComposer } from './handbook-composer';
import type { HandbookInput } from './handbook-input';
import { PdfCache } from './pdf-cache';
import type { PdfRenderer, PdfRenderOptions } from './pdf-renderer';

export interface PrintedHandbook {
  pdf: Buffer;
  /** sha256 of the exact HTML that was printed: what the issue record stores. */
  contentHash: string;
  options: PdfRenderOptions;
  /** True when no new render was needed (a cached PDF, or one already being printed). */
  cached: boolean;
}

/** Composer, renderer and cache together: what the Nest service and the CLI call. */
export class HandbookPrinter {
  private readonly printing = new Map<string, Promise<Buffer>>();

  constructor(
    private readonly composer: HandbookComposer,
    private readonly renderer: PdfRenderer,
    private readonly cache: PdfCache = new PdfCache(),
  ) {}

  /** The exact HTML that `print` would turn into a PDF, for reading on screen. */
  compose(input: HandbookInput): ComposedHandbook {
    return this.composer.compose(input);
  }

  async print(input: HandbookInput): Promise<PrintedHandbook> {
    const { html, contentHash } = this.composer.compose(input);
    const options: PdfRenderOptions = { largePrint: input.options.largePrint };
    const key = PdfCache.keyFor(contentHash, options);

    const cached = this.cache.get(key);
    if (cached) return { pdf: cached, contentHash, options, cached: true };

    // Two officers printing the same handbook at once share one render.
    const pending = this.printing.get(key);
    if (pending) return { pdf: await pending, contentHash, options, cached: true };

    const render = this.renderer.render(html, options);
    this.printing.set(key, render);
    try {
      const pdf = await render;
      this.cache.set(key, pdf);
      return { pdf, contentHash, options, cached: false };
    } finally {
      this.printing.delete(key);
    }
  }

  cacheStats() {
    return this.cache.stats();
  }
}

import type { PdfRenderOptions } from './pdf-renderer';

export interface PdfCacheOptions {
  maxEntries?: number;
  maxBytes?: number;
}

export interface PdfCacheStats {
  hits: number;
  misses: number;
  evictions: number;
  entries: number;
  bytes: number;
}

/**
 * Least-recently-used PDFs by the hash of the exact HTML printed plus the render options.
 * Because the key is the content, nothing ever needs invalidating: a changed handbook is a
 * different key, and the old PDF ages out.
 */
export class PdfCache {
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  /** Map iteration order is insertion order: the first key is the least recently used. */
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;
  private readonly counters = { hits: 0, misses: 0, evictions: 0 };

  constructor(options: PdfCacheOptions = {}) {
    this.maxEntries = Math.max(0, options.maxEntries ?? 200);
    this.maxBytes = Math.max(0, options.maxBytes ?? 128 * 1024 * 1024);
  }

  static keyFor(contentHash: string, options: PdfRenderOptions = {}): string {
    return `${contentHash}:${options.largePrint ? 'large' : 'standard'}`;
  }

  get(key: string): Buffer | undefined {
    const pdf = this.entries.get(key);
    if (!pdf) {
      this.counters.misses++;
      return undefined;
    }
    this.counters.hits++;
    this.entries.delete(key);
    this.entries.set(key, pdf);
    return pdf;
  }

  set(key: string, pdf: Buffer): void {
    this.delete(key);
    if (pdf.length > this.maxBytes || this.maxEntries === 0) return;
    this.entries.set(key, pdf);
    this.bytes += pdf.length;
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      const oldest = this.entries.keys().next().value as string;
      this.delete(oldest);
      this.counters.evictions++;
    }
  }

  delete(key: string): void {
    const existing = this.entries.get(key);
    if (!existing) return;
    this.entries.delete(key);
    this.bytes -= existing.length;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  stats(): PdfCacheStats {
    return { ...this.counters, entries: this.entries.size, bytes: this.bytes };
  }
}

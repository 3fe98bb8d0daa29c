import { PdfCache } from './pdf-cache';

const pdf = (bytes: number, fill = 1) => Buffer.alloc(bytes, fill);

describe('PdfCache', () => {
  it('keys by content hash and print options', () => {
    expect(PdfCache.keyFor('abc', { largePrint: true })).not.toBe(PdfCache.keyFor('abc', { largePrint: false }));
    expect(PdfCache.keyFor('abc')).toBe(PdfCache.keyFor('abc', { largePrint: false }));
  });

  it('returns what was stored and counts hits and misses', () => {
    const cache = new PdfCache();
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', pdf(10));
    expect(cache.get('a')?.length).toBe(10);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, entries: 1, bytes: 10 });
  });

  it('drops the least recently used entry past its entry limit', () => {
    const cache = new PdfCache({ maxEntries: 2 });
    cache.set('a', pdf(1));
    cache.set('b', pdf(1));
    cache.get('a');
    cache.set('c', pdf(1));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
    expect(cache.stats().evictions).toBe(1);
  });

  it('stays within its byte limit and never stores a PDF larger than the limit', () => {
    const cache = new PdfCache({ maxBytes: 100 });
    cache.set('a', pdf(60));
    cache.set('b', pdf(60));
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 60 });
    cache.set('huge', pdf(101));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.stats().bytes).toBeLessThanOrEqual(100);
  });

  it('replaces an entry stored again under the same key without double counting', () => {
    const cache = new PdfCache();
    cache.set('a', pdf(10));
    cache.set('a', pdf(20));
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 20 });
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function withPdfFile<T>(pdf: Buffer, use: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'handbook-pdf-'));
  const path = join(dir, 'handbook.pdf');
  try {
    writeFileSync(path, pdf);
    return use(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Text as a reader would see it, via poppler's `pdftotext -layout`; pages end with a form feed.
 * No-break spaces (used inside phone numbers) read as ordinary spaces.
 */
export function pdfText(pdf: Buffer, pages?: { first: number; last: number }): string {
  return withPdfFile(pdf, (path) => {
    const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', ...range, path, '-'], { encoding: 'utf8' });
    return text.replace(/\u00a0/g, ' ');
  });
}

export interface PdfInfo {
  pages: number;
  tagged: boolean;
  pageSize: string;
}

export function pdfInfo(pdf: Buffer): PdfInfo {
  const out = withPdfFile(pdf, (path) => execFileSync('pdfinfo', [path], { encoding: 'utf8' }));
  const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(out)?.[1]?.trim() ?? '';
  return { pages: Number(field('Pages')), tagged: field('Tagged') === 'yes', pageSize: field('Page size') };
}

/**
 * Every `/Title` string in the file: the bookmarks Chromium writes for `outline: true` (plus the
 * document title). Chromium writes these dictionaries uncompressed, as literal or UTF-16 hex strings.
 */
export function pdfTitles(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  const titles: string[] = [];
  for (const match of source.matchAll(/\/Title\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f]+>)/g)) {
    const raw = match[1];
    if (raw.startsWith('<')) {
      const bytes = Buffer.from(raw.slice(1, -1), 'hex');
      titles.push(bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2).swap16().toString('utf16le') : bytes.toString('latin1'));
    } else {
      titles.push(
        raw
          .slice(1, -1)
          .replace(/\\([0-7]{1,3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)))
          .replace(/\\(.)/g, '$1'),
      );
    }
  }
  return titles;
}

export function hasOutline(pdf: Buffer): boolean {
  return pdf.includes('/Outlines');
}

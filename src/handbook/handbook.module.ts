import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { RuleConfigModule } from '../settings/rule-config.module';
import { HandbookComposer } from './handbook-composer';
import { HandbookController } from './handbook.controller';
import { HandbookPrinter } from './handbook-printer';
import { HandbookService, PDF_RENDERER, SUPPORT_DIRECTORY } from './handbook.service';
import { PdfCache } from './pdf-cache';
import { ChromiumPdfRenderer, PdfRenderer } from './pdf-renderer';
import { loadNationalDirectory, mergeDirectory, SupportEntryOverride } from './support-directory';

/** A force's own additions and switches, beside the national list: data/support-directory.local.json. */
export const LOCAL_DIRECTORY_PATH = resolve(process.cwd(), 'data/support-directory.local.json');

export function loadSupportDirectory(localPath = LOCAL_DIRECTORY_PATH) {
  const overrides: SupportEntryOverride[] = existsSync(localPath) ? JSON.parse(readFileSync(localPath, 'utf8')) : [];
  return mergeDirectory(loadNationalDirectory(), overrides);
}

/**
 * Prints at once: one core fewer than the machine has, so printing never takes every core from
 * the API. On the 2-core build machine one print at a time kept the read p99 under printing at
 * 35 ms against 49 ms with two (bench:api, BENCH_BACKGROUND=prints), for about 20% fewer prints
 * a second; a print that waits its turn takes a few hundred milliseconds longer.
 */
export function printConcurrency(cores = availableParallelism()): number {
  return Math.max(1, Math.min(4, cores - 1));
}

@Module({
  imports: [CasesModule, RuleConfigModule],
  controllers: [HandbookController],
  providers: [
    HandbookService,
    { provide: SUPPORT_DIRECTORY, useFactory: () => loadSupportDirectory() },
    // Past 16 waiting, callers get 429.
    { provide: PDF_RENDERER, useFactory: () => new ChromiumPdfRenderer({ concurrency: printConcurrency(), maxQueue: 16, timeoutMs: 20_000 }) },
    { provide: HandbookComposer, useFactory: () => new HandbookComposer() },
    {
      provide: HandbookPrinter,
      useFactory: (composer: HandbookComposer, renderer: PdfRenderer) => new HandbookPrinter(composer, renderer, new PdfCache()),
      inject: [HandbookComposer, PDF_RENDERER],
    },
  ],
  exports: [HandbookService, SUPPORT_DIRECTORY],
})
export class HandbookModule {}

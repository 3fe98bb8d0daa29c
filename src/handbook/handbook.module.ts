import { existsSync, readFileSync } from 'node:fs';
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

@Module({
  imports: [CasesModule, RuleConfigModule],
  controllers: [HandbookController],
  providers: [
    HandbookService,
    { provide: SUPPORT_DIRECTORY, useFactory: () => loadSupportDirectory() },
    // Two or three prints at once suit a 2-core machine; past 16 waiting, callers get 429.
    { provide: PDF_RENDERER, useFactory: () => new ChromiumPdfRenderer({ concurrency: 2, maxQueue: 16, timeoutMs: 20_000 }) },
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

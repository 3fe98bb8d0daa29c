import { Injectable } from '@nestjs/common';
import { Actor } from '../../auth/actor';
import { CaseView } from '../../cases/case-view';

/** One earlier print of the handbook, as the case page lists it. */
export interface HandbookPrintRow {
  when: string;
  by: string;
  options: string;
  contentHash: string;
}

/** The handbook section of a case page. */
export interface HandbookSection {
  available: boolean;
  printAction: string;
  htmlHref: string;
  largePrintHtmlHref: string;
  prints: HandbookPrintRow[];
}

/** Where the case page's handbook section comes from: bound to the handbook service when it exists. */
export abstract class HandbookSectionSource {
  abstract sectionFor(actor: Actor, kase: CaseView): Promise<HandbookSection>;
}

/** Until the handbook service is wired, the section says plainly that printing from here is not ready. */
@Injectable()
export class PendingHandbookSectionSource extends HandbookSectionSource {
  async sectionFor(_actor: Actor, kase: CaseView): Promise<HandbookSection> {
    return {
      available: false,
      printAction: `/cases/${kase.id}/handbook`,
      htmlHref: `/cases/${kase.id}/handbook.html`,
      largePrintHtmlHref: `/cases/${kase.id}/handbook.html?largePrint=true`,
      prints: [],
    };
  }
}

import { Injectable } from '@nestjs/common';
import { Actor } from '../../auth/actor';
import { CaseView } from '../../cases/case-view';
import { HandbookService } from '../../handbook/handbook.service';
import { formatDateTime } from '../labels';

/** One earlier print of the handbook, as the case page lists it. */
export interface HandbookPrintRow {
  when: string;
  by: string;
  how: string;
  contentHash: string;
}

/** The handbook section of a case page. */
export interface HandbookSection {
  pdfHref: string;
  largePrintPdfHref: string;
  htmlHref: string;
  largePrintHtmlHref: string;
  prints: HandbookPrintRow[];
}

/** Where the case page's handbook section comes from: a hook, so a test can give the page a section of its own. */
export abstract class HandbookSectionSource {
  abstract sectionFor(actor: Actor, kase: CaseView, officerName: (username: string | null) => string): Promise<HandbookSection>;
}

/** The handbook service's record of earlier prints (each print is a disclosure of the family's data). */
@Injectable()
export class ServiceHandbookSectionSource extends HandbookSectionSource {
  constructor(private readonly handbook: HandbookService) {
    super();
  }

  async sectionFor(actor: Actor, kase: CaseView, officerName: (username: string | null) => string): Promise<HandbookSection> {
    const issues = await this.handbook.issues(actor, kase.id);
    return {
      pdfHref: `/cases/${kase.id}/handbook.pdf`,
      largePrintPdfHref: `/cases/${kase.id}/handbook.pdf?largePrint=true`,
      htmlHref: `/cases/${kase.id}/handbook.html`,
      largePrintHtmlHref: `/cases/${kase.id}/handbook.html?largePrint=true`,
      prints: issues.map((issue) => ({
        when: formatDateTime(issue.printedAt),
        by: officerName(issue.printedBy),
        how: `${issue.format === 'pdf' ? 'PDF' : 'Viewed as a web page'}${issue.options.largePrint ? ', large print' : ''}`,
        contentHash: issue.contentHash.slice(0, 12),
      })),
    };
  }
}

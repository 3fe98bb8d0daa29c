import { Injectable } from '@nestjs/common';
import { Actor } from '../../auth/actor';
import { HANDBOOK_HTML_CSP, handbookFileName } from '../../handbook/handbook.controller';
import { HandbookService } from '../../handbook/handbook.service';
import { download, FileResult } from '../shell/web-result';

/** The handbook from a case page: the PDF to print, and the exact HTML that is printed, to read on screen. */
@Injectable()
export class HandbookPagesService {
  constructor(private readonly handbook: HandbookService) {}

  async pdf(actor: Actor, caseId: string, largePrint: boolean): Promise<FileResult> {
    const document = await this.handbook.pdf(actor, caseId, largePrint);
    return download('application/pdf', handbookFileName(document.reference, 'pdf'), document.body, 'attachment', {
      'X-Content-Hash': document.contentHash,
    });
  }

  /** Served under the handbook's own policy, as the API serves it: its styles are inline in the document. */
  async html(actor: Actor, caseId: string, largePrint: boolean): Promise<FileResult> {
    const document = await this.handbook.html(actor, caseId, largePrint);
    return download('text/html; charset=utf-8', handbookFileName(document.reference, 'html'), document.body, 'inline', {
      'Content-Security-Policy': HANDBOOK_HTML_CSP,
      'X-Content-Hash': document.contentHash,
    });
  }
}

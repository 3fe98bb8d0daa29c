import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AccessLogService } from '../access-log/access-log.service';
import { Actor } from '../auth/actor';
import { CaseAccessService } from '../cases/case-access.service';
import { Case } from '../cases/case.entity';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { UnitOfWork } from '../database/unit-of-work';
import { Officer } from '../officers/officer.entity';
import { WorkingDayCalendar, londonDate } from '../rules';
import { SettingsService } from '../settings/settings.service';
import { ScheduledUpdate } from '../updates/scheduled-update.entity';
import { HandbookFormat, HandbookIssue } from './handbook-issue.entity';
import type { HandbookInput } from './handbook-input';
import { HandbookPrinter } from './handbook-printer';
import { ChromiumPdfRenderer, PdfRenderer } from './pdf-renderer';
import { entriesFor, SupportEntry } from './support-directory';

export const PDF_RENDERER = Symbol('PDF_RENDERER');
export const SUPPORT_DIRECTORY = Symbol('SUPPORT_DIRECTORY');

export interface HandbookIssueView {
  id: string;
  printedAt: Date;
  printedBy: string | null;
  format: HandbookFormat;
  contentHash: string;
  options: { largePrint: boolean };
}

export interface HandbookDocument {
  reference: string;
  contentHash: string;
  body: Buffer | string;
  cached: boolean;
}

/**
 * Prints a family's arrest-day handbook. The case data is read in a short transaction through the
 * case gate; the PDF is rendered outside any transaction (it takes a while and must not hold the
 * database); then the print is recorded as a disclosure.
 */
@Injectable()
export class HandbookService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Handbook');

  constructor(
    private readonly printer: HandbookPrinter,
    @Inject(PDF_RENDERER) private readonly renderer: PdfRenderer,
    @Inject(SUPPORT_DIRECTORY) private readonly directory: SupportEntry[],
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly caseAccess: CaseAccessService,
    private readonly unitOfWork: UnitOfWork,
    private readonly accessLog: AccessLogService,
    private readonly settings: SettingsService,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
  ) {}

  /** A warm Chromium at start-up, so the first family does not wait for a browser to launch. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.nodeEnv === 'test' || !(this.renderer instanceof ChromiumPdfRenderer)) return;
    try {
      await this.renderer.start();
    } catch (error) {
      this.logger.warn(`Chromium did not start (${(error as Error).message}); handbook printing will retry on first use`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.renderer.close();
  }

  async pdf(actor: Actor, caseId: string, largePrint: boolean): Promise<HandbookDocument> {
    const input = await this.inputFor(actor, caseId, largePrint);
    const printed = await this.printer.print(input);
    await this.recordIssue(actor, caseId, printed.contentHash, 'pdf', largePrint);
    return { reference: input.caseReference, contentHash: printed.contentHash, body: printed.pdf, cached: printed.cached };
  }

  async html(actor: Actor, caseId: string, largePrint: boolean): Promise<HandbookDocument> {
    const input = await this.inputFor(actor, caseId, largePrint);
    const composed = this.printer.compose(input);
    await this.recordIssue(actor, caseId, composed.contentHash, 'html', largePrint);
    return { reference: input.caseReference, contentHash: composed.contentHash, body: composed.html, cached: false };
  }

  async issues(actor: Actor, caseId: string): Promise<HandbookIssueView[]> {
    return this.caseAccess.withCase(
      actor,
      caseId,
      { operation: 'consultation', recordType: 'handbook_issue_list', recordId: caseId, purpose: 'GET /api/cases/:id/handbook-issues', readOnly: true },
      async (manager) => {
        const rows = await manager.find(HandbookIssue, { where: { caseId }, order: { printedAt: 'DESC' } });
        return rows.map(({ id, printedAt, printedBy, format, contentHash, options }) => ({ id, printedAt, printedBy, format, contentHash, options }));
      },
    );
  }

  /** For `npm run handbook`: prints by reference without a signed-in officer, logged as a CLI disclosure. */
  async pdfForReference(reference: string, largePrint: boolean, operator: string): Promise<HandbookDocument> {
    const kase = await this.unitOfWork.reads.findOne(Case, { where: { reference } });
    if (!kase) throw DomainError.notFound(`Case ${reference}`);
    const input = await this.unitOfWork.write((manager) => this.buildInput(manager, kase, null, largePrint));
    const printed = await this.printer.print(input);
    await this.unitOfWork.write(async (manager) => {
      const issue = await manager.save(
        manager.create(HandbookIssue, {
          caseId: kase.id,
          officerId: null,
          printedBy: `cli:${operator}`.slice(0, 64),
          printedAt: this.clock.now(),
          contentHash: printed.contentHash,
          format: 'pdf',
          options: { largePrint },
        }),
      );
      await this.accessLog.record(manager, {
        actor: null,
        operation: 'disclosure',
        recordType: 'handbook_issue',
        recordId: issue.id,
        caseId: kase.id,
        purpose: `npm run handbook (${operator})`,
      });
    });
    return { reference, contentHash: printed.contentHash, body: printed.pdf, cached: printed.cached };
  }

  private inputFor(actor: Actor, caseId: string, largePrint: boolean): Promise<HandbookInput> {
    return this.caseAccess.withCase(
      actor,
      caseId,
      { operation: 'consultation', recordType: 'handbook_data', recordId: caseId, purpose: 'GET /api/cases/:id/handbook', readOnly: true },
      (manager, kase) => this.buildInput(manager, kase, actor, largePrint),
    );
  }

  private async buildInput(manager: EntityManager, kase: Case, actor: Actor | null, largePrint: boolean): Promise<HandbookInput> {
    const officerId = kase.liaisonOfficerId ?? actor?.id;
    const officer = officerId ? await manager.findOne(Officer, { where: { id: officerId } }) : null;
    if (!officer) throw new DomainError('unprocessable', 'Cannot print the handbook: the case has no liaison officer. Assign one first.');
    const today = londonDate(this.clock.now());
    return {
      forceName: this.config.forceName,
      caseReference: kase.reference,
      suspectStatus: kase.suspectStatus,
      offenceType: kase.offenceType,
      plannedArrestDate: kase.plannedArrestDate,
      arrestDate: kase.arrestDate,
      childrenAtHome: kase.childrenAtHome,
      childrenAgeBands: { under5: kase.childrenUnder5, age5to11: kase.children5to11, age12to17: kase.children12to17 },
      partnerWorksWithChildren: kase.partnerWorksWithChildren,
      updateFrequencyDays: kase.updateFrequencyDays,
      nextUpdateDate: await this.nextUpdateDate(manager, kase, today),
      liaisonOfficer: { name: officer.name, collarNumber: officer.collarNumber, workPhone: officer.workPhone, email: officer.email },
      preferredLanguage: kase.preferredLanguage,
      supportEntries: entriesFor(this.directory, kase),
      options: { largePrint },
      printedOn: today,
    };
  }

  /**
   * The date the family can expect their next update. Before the arrest it is the first contact
   * owed after the planned arrest; afterwards the earliest open scheduled update (never in the past).
   */
  private async nextUpdateDate(manager: EntityManager, kase: Case, today: string): Promise<string | null> {
    if (!kase.arrestDate) {
      if (!kase.plannedArrestDate) return null;
      const rules = await this.settings.rules(manager);
      return this.calendar.addWorkingDays(kase.plannedArrestDate, rules.firstContactWorkingDays);
    }
    const next = await manager.findOne(ScheduledUpdate, { where: { caseId: kase.id, status: 'open' }, order: { dueDate: 'ASC' } });
    if (!next) return null;
    return next.dueDate < today ? this.calendar.nextWorkingDayOnOrAfter(today) : next.dueDate;
  }

  private async recordIssue(actor: Actor, caseId: string, contentHash: string, format: HandbookFormat, largePrint: boolean): Promise<void> {
    await this.unitOfWork.write(async (manager) => {
      const issue = await manager.save(
        manager.create(HandbookIssue, {
          caseId,
          officerId: actor.id,
          printedBy: actor.username,
          printedAt: this.clock.now(),
          contentHash,
          format,
          options: { largePrint },
        }),
      );
      await this.accessLog.record(manager, {
        actor,
        operation: 'disclosure',
        recordType: 'handbook_issue',
        recordId: issue.id,
        caseId,
        purpose: `GET /api/cases/:id/handbook.${format}`,
      });
    });
  }
}

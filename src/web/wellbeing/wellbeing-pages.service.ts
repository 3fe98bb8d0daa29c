import { Inject, Injectable } from '@nestjs/common';
import { Actor } from '../../auth/actor';
import { CaseView } from '../../cases/case-view';
import { CasesService } from '../../cases/cases.service';
import { Clock } from '../../common/clock';
import { DomainError, FieldProblem } from '../../common/domain-error';
import { SUPPORT_DIRECTORY } from '../../handbook/handbook.service';
import { SupportEntry } from '../../handbook/support-directory';
import { INDICATORS } from '../../rules';
import { CreateWellbeingCheckDto } from '../../wellbeing/dto/wellbeing-check.dto';
import { WellbeingCheckView } from '../../wellbeing/wellbeing-view';
import { WellbeingService } from '../../wellbeing/wellbeing.service';
import { FormBody, FormValues } from '../forms/form-body';
import { recordFormProblems } from '../forms/form-problems';
import { validateAs } from '../forms/validate-as';
import {
  DISTRESS_LABELS,
  formatDate,
  formatDateTime,
  INDICATOR_LABELS,
  RISK_LEVEL_LABELS,
  riskTag,
  WELLBEING_CONTEXT_LABELS,
  yesNo,
} from '../labels';
import { pageTitle } from '../shell/page-shell';
import { page, PageResult, redirectTo, WebResult } from '../shell/web-result';
import {
  newWellbeingValues,
  postedWellbeingValues,
  WELLBEING_FORM_FIELDS,
  wellbeingBody,
  wellbeingFormModel,
  wellbeingFormState,
} from './wellbeing-form';

/** The rules that set the level itself: for a high risk, the high rules (a medium one adds nothing to it). */
export function reasonsForLevel(reasons: readonly string[], level: string): string[] {
  return reasons.filter((reason) => reason.startsWith(`${level}: `)).map(plainRiskReason);
}

/** "high: alone_without_support is recorded and …" → "Alone without support is recorded and …". */
export function plainRiskReason(reason: string): string {
  const text = INDICATORS.reduce(
    (words, indicator) => words.split(indicator).join(`“${INDICATOR_LABELS[indicator].toLowerCase()}”`),
    reason.replace(/^(high|medium): /, ''),
  );
  return text.replace(/[a-z]/, (letter) => letter.toUpperCase());
}

/** Recording a wellbeing check, and the check as recorded with the risk level the service derived. */
@Injectable()
export class WellbeingPagesService {
  constructor(
    private readonly cases: CasesService,
    private readonly wellbeing: WellbeingService,
    private readonly clock: Clock,
    @Inject(SUPPORT_DIRECTORY) private readonly directory: SupportEntry[],
  ) {}

  async newForm(actor: Actor, caseId: string): Promise<PageResult> {
    return this.formPage(await this.cases.get(actor, caseId), newWellbeingValues(this.clock.now()), []);
  }

  async create(actor: Actor, caseId: string, form: FormBody): Promise<WebResult> {
    const values = postedWellbeingValues(form);
    const mapped = wellbeingBody(form);
    const validated = await validateAs(CreateWellbeingCheckDto, mapped.body);
    let problems: FieldProblem[] = [...mapped.problems, ...(validated.ok ? [] : validated.problems)];
    let status = 400;
    if (validated.ok && !problems.length) {
      try {
        const check = await this.wellbeing.create(actor, caseId, validated.value);
        return redirectTo(`/cases/${caseId}/wellbeing-checks/${check.id}?saved=true`);
      } catch (error) {
        const shown = recordFormProblems(error, WELLBEING_FORM_FIELDS, 'context');
        if (!shown) throw error;
        ({ problems, status } = shown);
      }
    }
    return this.formPage(await this.cases.get(actor, caseId), values, problems, status);
  }

  async show(actor: Actor, caseId: string, checkId: string, justSaved: boolean): Promise<PageResult> {
    const kase = await this.cases.get(actor, caseId);
    const check = (await this.wellbeing.list(actor, caseId)).find((c) => c.id === checkId);
    if (!check) throw DomainError.notFound('Wellbeing check');
    const directory = new Map(this.directory.map((entry) => [entry.key, entry.name]));
    return page('wellbeing/show', {
      title: pageTitle(`Wellbeing check: ${RISK_LEVEL_LABELS[check.riskLevel].toLowerCase()}`),
      reference: kase.reference,
      caseHref: `/cases/${kase.id}#wellbeing`,
      justSaved,
      risk: {
        level: check.riskLevel,
        tag: riskTag(check.riskLevel),
        text: RISK_LEVEL_LABELS[check.riskLevel],
        reasons: reasonsForLevel(check.riskReasons, check.riskLevel),
      },
      alerted: check.alertId !== null,
      followUp: followUpText(check),
      rows: [
        { key: 'When', value: formatDateTime(check.occurredAt) },
        { key: 'What the check was for', value: WELLBEING_CONTEXT_LABELS[check.context] },
        { key: 'Distress', value: DISTRESS_LABELS[check.distressLevel] ?? String(check.distressLevel) },
        { key: 'Signs that applied', value: check.indicators.map((i) => INDICATOR_LABELS[i]).join('; ') || 'None' },
        { key: 'Trusted person with them', value: yesNo(check.trustedPersonPresent) },
        { key: 'Referrals', value: check.referrals.map((key) => directory.get(key) ?? key).join('; ') || 'None' },
        { key: 'What was done or agreed', value: check.actions || 'Nothing recorded' },
      ],
    });
  }

  private formPage(kase: CaseView, values: FormValues, problems: FieldProblem[], status = 200): PageResult {
    const state = wellbeingFormState(values, problems);
    return page(
      'wellbeing/new',
      {
        title: pageTitle('Record a wellbeing check', state.hasErrors),
        reference: kase.reference,
        caseHref: `/cases/${kase.id}#wellbeing`,
        action: `/cases/${kase.id}/wellbeing-checks`,
        form: wellbeingFormModel(state, this.directory),
      },
      status,
    );
  }
}


function followUpText(check: WellbeingCheckView): string {
  if (!check.followUp) return 'No extra follow-up is owed: the next regular update covers it.';
  const due = formatDate(check.followUp.dueDate) ?? check.followUp.dueDate;
  return check.riskLevel === 'high' ? `Check on them again by ${due}. It is on your work list.` : `A follow-up is due by ${due}. It is on your work list.`;
}

import { Injectable } from '@nestjs/common';
import { Actor } from '../../auth/actor';
import { CaseView } from '../../cases/case-view';
import { CasesService } from '../../cases/cases.service';
import { FieldProblem } from '../../common/domain-error';
import { CreateDeclineDto } from '../../updates/dto/decline.dto';
import { UpdateScheduler } from '../../updates/update-scheduler';
import { UpdatesService } from '../../updates/updates.service';
import { FormBody, FormValues } from '../forms/form-body';
import { recordFormProblems } from '../forms/form-problems';
import { validateAs } from '../forms/validate-as';
import { pageTitle } from '../shell/page-shell';
import { page, PageResult, redirectTo, WebResult } from '../shell/web-result';
import { DECLINE_FORM_FIELDS, declineBody, declineFormModel, declineFormState, newDeclineValues, postedDeclineValues } from './decline-form';

/** The family declines updates until a review date (declined updates are not missed), or resumes them. */
@Injectable()
export class DeclinePagesService {
  constructor(
    private readonly cases: CasesService,
    private readonly updates: UpdatesService,
    private readonly scheduler: UpdateScheduler,
  ) {}

  async newForm(actor: Actor, caseId: string): Promise<PageResult> {
    return this.formPage(await this.cases.get(actor, caseId), newDeclineValues(this.scheduler.today()), []);
  }

  async create(actor: Actor, caseId: string, form: FormBody): Promise<WebResult> {
    const values = postedDeclineValues(form);
    const validated = await validateAs(CreateDeclineDto, declineBody(form));
    let problems: FieldProblem[];
    let status = 400;
    if (validated.ok) {
      try {
        await this.updates.decline(actor, caseId, validated.value);
        return redirectTo(`/cases/${caseId}?saved=declined#updates`);
      } catch (error) {
        const shown = recordFormProblems(error, DECLINE_FORM_FIELDS, 'from');
        if (!shown) throw error;
        ({ problems, status } = shown);
      }
    } else {
      problems = validated.problems;
    }
    return this.formPage(await this.cases.get(actor, caseId), values, problems, status);
  }

  /** Resuming twice (a double click) finds the decline already ended and just shows the case. */
  async resume(actor: Actor, caseId: string, declineId: string): Promise<WebResult> {
    try {
      await this.updates.endDecline(actor, caseId, declineId);
    } catch (error) {
      if (!recordFormProblems(error, [], 'declineId')) throw error;
    }
    return redirectTo(`/cases/${caseId}?saved=resumed#updates`);
  }

  private formPage(kase: CaseView, values: FormValues, problems: FieldProblem[], status = 200): PageResult {
    const state = declineFormState(values, problems);
    return page(
      'declines/new',
      {
        title: pageTitle('The family does not want updates', state.hasErrors),
        reference: kase.reference,
        caseHref: `/cases/${kase.id}#updates`,
        action: `/cases/${kase.id}/declines`,
        form: declineFormModel(state),
      },
      status,
    );
  }
}

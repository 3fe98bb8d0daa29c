import { Injectable } from '@nestjs/common';
import { Actor } from '../../auth/actor';
import { CaseView } from '../../cases/case-view';
import { CasesService } from '../../cases/cases.service';
import { DomainError, FieldProblem } from '../../common/domain-error';
import { CreateMilestoneDto, UpdateMilestoneDto } from '../../milestones/dto/milestone.dto';
import { MilestoneView } from '../../milestones/milestone-view';
import { MilestonesService } from '../../milestones/milestones.service';
import { FormBody, FormValues } from '../forms/form-body';
import { recordFormProblems } from '../forms/form-problems';
import { validateAs } from '../forms/validate-as';
import { MILESTONE_TYPE_LABELS, milestoneStatusTag } from '../labels';
import { pageTitle } from '../shell/page-shell';
import { page, PageResult, redirectTo, WebResult } from '../shell/web-result';
import {
  MILESTONE_FORM_FIELDS,
  milestoneChangeBody,
  milestoneFormModel,
  milestoneFormState,
  milestoneValues,
  newMilestoneBody,
  postedMilestoneValues,
} from './milestone-form';

/** Recording a step of the investigation, and updating or cancelling one. */
@Injectable()
export class MilestonePagesService {
  constructor(
    private readonly cases: CasesService,
    private readonly milestones: MilestonesService,
  ) {}

  async newForm(actor: Actor, caseId: string): Promise<PageResult> {
    return this.newPage(await this.cases.get(actor, caseId), {}, []);
  }

  async create(actor: Actor, caseId: string, form: FormBody): Promise<WebResult> {
    const values = postedMilestoneValues(form);
    const validated = await validateAs(CreateMilestoneDto, newMilestoneBody(form));
    if (!validated.ok) return this.newPage(await this.cases.get(actor, caseId), values, validated.problems, 400);
    try {
      await this.milestones.create(actor, caseId, validated.value);
      return redirectTo(`/cases/${caseId}?saved=milestone#milestones`);
    } catch (error) {
      const shown = recordFormProblems(error, MILESTONE_FORM_FIELDS, 'type');
      if (!shown) throw error;
      return this.newPage(await this.cases.get(actor, caseId), values, shown.problems, shown.status);
    }
  }

  async editForm(actor: Actor, caseId: string, milestoneId: string): Promise<PageResult> {
    const kase = await this.cases.get(actor, caseId);
    const milestone = await this.find(actor, caseId, milestoneId);
    return this.editPage(kase, milestone, milestoneValues(milestone), []);
  }

  async update(actor: Actor, caseId: string, milestoneId: string, form: FormBody): Promise<WebResult> {
    const values = postedMilestoneValues(form);
    const validated = await validateAs(UpdateMilestoneDto, milestoneChangeBody(form));
    let problems: FieldProblem[];
    let status = 400;
    if (validated.ok) {
      try {
        await this.milestones.update(actor, caseId, milestoneId, validated.value);
        return redirectTo(`/cases/${caseId}?saved=${validated.value.status === 'cancelled' ? 'milestoneCancelled' : 'milestoneUpdated'}#milestones`);
      } catch (error) {
        const shown = recordFormProblems(error, MILESTONE_FORM_FIELDS, 'status');
        if (!shown) throw error;
        ({ problems, status } = shown);
      }
    } else {
      problems = validated.problems;
    }
    const kase = await this.cases.get(actor, caseId);
    return this.editPage(kase, await this.find(actor, caseId, milestoneId), values, problems, status);
  }

  private async find(actor: Actor, caseId: string, milestoneId: string): Promise<MilestoneView> {
    const milestone = (await this.milestones.list(actor, caseId)).find((m) => m.id === milestoneId);
    if (!milestone) throw DomainError.notFound('Milestone');
    return milestone;
  }

  private newPage(kase: CaseView, values: FormValues, problems: FieldProblem[], status = 200): PageResult {
    const state = milestoneFormState(values, problems, true);
    return page(
      'milestones/new',
      {
        title: pageTitle('Record a milestone', state.hasErrors),
        reference: kase.reference,
        caseHref: `/cases/${kase.id}#milestones`,
        action: `/cases/${kase.id}/milestones`,
        form: milestoneFormModel(state, true),
      },
      status,
    );
  }

  private editPage(kase: CaseView, milestone: MilestoneView, values: FormValues, problems: FieldProblem[], status = 200): PageResult {
    const state = milestoneFormState(values, problems);
    const name = MILESTONE_TYPE_LABELS[milestone.type];
    return page(
      'milestones/edit',
      {
        title: pageTitle(`Update milestone: ${name}`, state.hasErrors),
        reference: kase.reference,
        name,
        statusTag: milestoneStatusTag(milestone.status),
        caseHref: `/cases/${kase.id}#milestones`,
        action: `/cases/${kase.id}/milestones/${milestone.id}`,
        form: milestoneFormModel(state, false),
      },
      status,
    );
  }
}

import { Injectable } from '@nestjs/common';
import { Actor } from '../../auth/actor';
import { CaseView } from '../../cases/case-view';
import { CasesService } from '../../cases/cases.service';
import { CaseListQuery, CreateCaseDto, UpdateCaseDto } from '../../cases/dto/case.dto';
import { FieldProblem } from '../../common/domain-error';
import { OfficersService, OfficerView } from '../../officers/officers.service';
import { FormBody, FormValues, formValues } from '../forms/form-body';
import { FormState } from '../forms/form-state';
import { formProblems } from '../forms/form-problems';
import { validateAs } from '../forms/validate-as';
import { pageTitle } from '../shell/page-shell';
import { page, PageResult, redirectTo, WebResult } from '../shell/web-result';
import {
  caseFormModel,
  caseFormState,
  caseValues,
  createCaseBody,
  newCaseValues,
  postedCaseValues,
  problemsOnFormSlots,
  reassignBody,
  updateCaseBody,
} from './case-form';
import { caseListRow, caseStatusTag, caseSummaries, officerNames, SAVED_MESSAGES } from './case-page-model';
import { CaseRecordsService } from './case-records.service';
import { CasePageQuery } from './case-pages.dto';

const LIST_FILTERS = [
  { status: undefined, text: 'All cases', href: '/cases' },
  { status: 'open', text: 'Open', href: '/cases?status=open' },
  { status: 'closed', text: 'Closed', href: '/cases?status=closed' },
] as const;

/** The case pages: lists, the case page, and the create, edit and reassign forms. */
@Injectable()
export class CasePagesService {
  constructor(
    private readonly cases: CasesService,
    private readonly officers: OfficersService,
    private readonly records: CaseRecordsService,
  ) {}

  async list(actor: Actor, query: CaseListQuery): Promise<PageResult> {
    const [cases, officers] = await Promise.all([this.cases.list(actor, query), this.officers.list(actor)]);
    const names = officerNames(officers);
    const heading = actor.role === 'supervisor' ? "Your team's cases" : 'Your cases';
    return page('cases/list', {
      title: pageTitle(heading),
      heading,
      showLiaisonOfficer: actor.role === 'supervisor',
      filters: LIST_FILTERS.map((filter) => ({ text: filter.text, href: filter.href, current: filter.status === query.status })),
      rows: cases.map((kase) => caseListRow(kase, names)),
    });
  }

  async newForm(actor: Actor): Promise<PageResult> {
    return this.createFormPage(actor, newCaseValues(), []);
  }

  async create(actor: Actor, form: FormBody): Promise<WebResult> {
    const values = postedCaseValues(form);
    const { body, contactSlots } = createCaseBody(form, actor.role);
    const validated = await validateAs(CreateCaseDto, body);
    if (!validated.ok) return this.createFormPage(actor, values, problemsOnFormSlots(validated.problems, contactSlots), 400);
    try {
      const created = await this.cases.create(actor, validated.value);
      return redirectTo(`/cases/${created.id}?saved=created`);
    } catch (error) {
      const shown = formProblems(error);
      if (!shown) throw error;
      return this.createFormPage(actor, values, problemsOnFormSlots(shown.problems, contactSlots), shown.status);
    }
  }

  async show(actor: Actor, id: string, query: CasePageQuery): Promise<PageResult> {
    return this.casePage(actor, await this.cases.get(actor, id), query.saved ? SAVED_MESSAGES[query.saved] : null, null);
  }

  async editForm(actor: Actor, id: string): Promise<PageResult> {
    const kase = await this.cases.get(actor, id);
    return this.editFormPage(actor, kase, caseValues(kase), []);
  }

  async update(actor: Actor, id: string, form: FormBody): Promise<WebResult> {
    const values = postedCaseValues(form);
    const { body, contactSlots } = updateCaseBody(form);
    const validated = await validateAs(UpdateCaseDto, body);
    if (!validated.ok) {
      return this.editFormPage(actor, await this.cases.get(actor, id), values, problemsOnFormSlots(validated.problems, contactSlots), 400);
    }
    try {
      await this.cases.update(actor, id, validated.value);
      return redirectTo(`/cases/${id}?saved=updated`);
    } catch (error) {
      const shown = formProblems(error);
      if (!shown) throw error;
      const kase = await this.cases.get(actor, id);
      return this.editFormPage(actor, kase, values, problemsOnFormSlots(shown.problems, contactSlots), shown.status);
    }
  }

  async reassign(actor: Actor, id: string, form: FormBody): Promise<WebResult> {
    const values = formValues(form, ['version', 'liaisonOfficerId', 'deputyOfficerId']);
    const validated = await validateAs(UpdateCaseDto, reassignBody(form));
    let problems: FieldProblem[] = [];
    let status = 400;
    if (validated.ok) {
      try {
        await this.cases.update(actor, id, validated.value);
        return redirectTo(`/cases/${id}?saved=reassigned`);
      } catch (error) {
        const shown = formProblems(error);
        if (!shown) throw error;
        ({ problems, status } = shown);
      }
    } else {
      problems = validated.problems;
    }
    const kase = await this.cases.get(actor, id);
    // The page shows the case as it is now, so the form goes on from the version on screen.
    return this.casePage(actor, kase, null, caseFormState({ ...values, version: String(kase.version) }, problems), status);
  }

  private async casePage(
    actor: Actor,
    kase: CaseView,
    saved: string | null,
    reassignState: FormState | null,
    status = 200,
  ): Promise<PageResult> {
    const officers = await this.officersFor(actor, kase);
    const names = officerNames(officers);
    const records = await this.records.sections(actor, kase, names, officers);
    let reassign = null;
    if (actor.role === 'supervisor') {
      const state =
        reassignState ??
        caseFormState({ version: String(kase.version), liaisonOfficerId: kase.liaisonOfficerId ?? '', deputyOfficerId: kase.deputyOfficerId ?? '' });
      const colleagues = officers
        .filter((officer) => officer.active && officer.role !== 'admin' && officer.teamId === kase.teamId)
        .map((officer) => ({ value: officer.id, text: `${officer.name} (${officer.collarNumber})` }));
      reassign = {
        action: `/cases/${kase.id}/reassign`,
        errors: state.errors,
        version: state.input('version'),
        stale: state.errorFor('version') !== null,
        liaisonOfficerId: state.choice('liaisonOfficerId', [{ value: '', text: 'Choose an officer' }, ...colleagues]),
        deputyOfficerId: state.choice('deputyOfficerId', [{ value: '', text: 'No deputy' }, ...colleagues]),
      };
    }
    return page(
      'cases/show',
      {
        title: pageTitle(`Case ${kase.reference}`, reassignState?.hasErrors ?? false),
        reference: kase.reference,
        statusTag: caseStatusTag(kase.status),
        saved,
        impartialityWarning: kase.impartialityWarning,
        editHref: `/cases/${kase.id}/edit`,
        ...caseSummaries(kase, names),
        ...records,
        reassign,
      },
      status,
    );
  }

  private async createFormPage(actor: Actor, values: FormValues, problems: FieldProblem[], status = 200): Promise<PageResult> {
    const state = caseFormState(values, problems);
    const officers = await this.officers.list(actor);
    return page(
      'cases/new',
      {
        title: pageTitle('Create a case', state.hasErrors),
        action: '/cases',
        form: caseFormModel(state, { mode: 'create', role: actor.role, officers }),
      },
      status,
    );
  }

  private async editFormPage(actor: Actor, kase: CaseView, values: FormValues, problems: FieldProblem[], status = 200): Promise<PageResult> {
    const state = caseFormState(values, problems);
    const officers = await this.officersFor(actor, kase);
    return page(
      'cases/edit',
      {
        title: pageTitle(`Change case ${kase.reference}`, state.hasErrors),
        reference: kase.reference,
        action: `/cases/${kase.id}/edit`,
        caseHref: `/cases/${kase.id}`,
        form: caseFormModel(state, { mode: 'edit', role: actor.role, officers }),
      },
      status,
    );
  }

  /** The team's officers, plus anyone named on the case from elsewhere, so every name can be shown. */
  private async officersFor(actor: Actor, kase: CaseView): Promise<OfficerView[]> {
    const officers = await this.officers.list(actor);
    const known = new Set(officers.map((officer) => officer.id));
    const missing = [kase.liaisonOfficerId, kase.deputyOfficerId, kase.investigatingOfficerId].filter(
      (id): id is string => id !== null && !known.has(id),
    );
    const others = await Promise.all([...new Set(missing)].map((id) => this.officers.getView(id)));
    return [...officers, ...others];
  }
}

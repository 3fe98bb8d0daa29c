import { Injectable } from '@nestjs/common';
import { Actor } from '../../auth/actor';
import { DomainError, FieldProblem } from '../../common/domain-error';
import { CreateOfficerDto, CreateTeamDto, UpdateOfficerDto } from '../../officers/dto/officer.dto';
import { OfficersService, OfficerView } from '../../officers/officers.service';
import { Team } from '../../officers/team.entity';
import { FormBody, formText, FormValues, formValues } from '../forms/form-body';
import { formProblems } from '../forms/form-problems';
import { validateAs } from '../forms/validate-as';
import { ROLE_LABELS } from '../labels';
import { pageTitle } from '../shell/page-shell';
import { page, PageResult, redirectTo, WebResult } from '../shell/web-result';
import { OFFICER_SAVED_MESSAGES, OfficerPageQuery, TeamsPageQuery } from './admin-pages.dto';
import {
  createOfficerBody,
  NEW_OFFICER_FIELDS,
  OFFICER_DETAIL_FIELDS,
  officerFormModel,
  officerFormState,
  officerValues,
  teamFormState,
  updateOfficerBody,
} from './officer-form';

function statusTag(active: boolean) {
  return active ? { text: 'Active', classes: 'govuk-tag--green' } : { text: 'Deactivated', classes: 'govuk-tag--grey' };
}

/** The admin's pages: officer accounts and teams. */
@Injectable()
export class AdminPagesService {
  constructor(private readonly officers: OfficersService) {}

  async officerList(actor: Actor): Promise<PageResult> {
    const [officers, teams] = await Promise.all([this.officers.list(actor), this.officers.listTeams()]);
    const teamName = teamNames(teams);
    return page('admin/officers', {
      title: pageTitle('Officers'),
      rows: officers.map((officer) => ({
        href: `/admin/officers/${officer.id}`,
        name: officer.name,
        username: officer.username,
        collarNumber: officer.collarNumber,
        role: ROLE_LABELS[officer.role],
        team: teamName(officer.teamId),
        status: statusTag(officer.active),
      })),
    });
  }

  async newOfficerForm(): Promise<PageResult> {
    return this.newOfficerPage({ role: 'officer' }, []);
  }

  async createOfficer(form: FormBody): Promise<WebResult> {
    const values = { ...formValues(form, NEW_OFFICER_FIELDS), password: typeof form.password === 'string' ? form.password : '' };
    const validated = await validateAs(CreateOfficerDto, createOfficerBody(form));
    if (!validated.ok) return this.newOfficerPage(values, validated.problems, 400);
    try {
      const created = await this.officers.create(validated.value);
      return redirectTo(`/admin/officers/${created.id}?saved=created`);
    } catch (error) {
      const shown = formProblems(error);
      if (!shown) throw error;
      return this.newOfficerPage(values, shown.problems, shown.status);
    }
  }

  async officerPage(id: string, query: OfficerPageQuery): Promise<PageResult> {
    const officer = await this.officers.getView(id);
    return this.officerDetailPage(officer, officerValues(officer), [], query.saved ? OFFICER_SAVED_MESSAGES[query.saved] : null);
  }

  async updateOfficer(id: string, form: FormBody): Promise<WebResult> {
    const officer = await this.officers.getView(id);
    const values = formValues(form, OFFICER_DETAIL_FIELDS);
    const validated = await validateAs(UpdateOfficerDto, updateOfficerBody(form));
    if (!validated.ok) return this.officerDetailPage(officer, values, validated.problems, null, 400);
    try {
      await this.officers.update(id, validated.value);
      return redirectTo(`/admin/officers/${id}?saved=updated`);
    } catch (error) {
      const shown = formProblems(error);
      if (!shown) throw error;
      return this.officerDetailPage(officer, values, shown.problems, null, shown.status);
    }
  }

  /** Deactivating also ends every session the officer has (OfficersService does that). */
  async setActive(id: string, form: FormBody): Promise<WebResult> {
    const active = formText(form, 'active');
    if (active !== 'yes' && active !== 'no') throw DomainError.invalidField('active', 'must be yes or no');
    await this.officers.update(id, { active: active === 'yes' });
    return redirectTo(`/admin/officers/${id}?saved=${active === 'yes' ? 'reactivated' : 'deactivated'}`);
  }

  async teamList(query: TeamsPageQuery): Promise<PageResult> {
    return this.teamsPage({ name: '' }, [], query.saved === 'created' ? 'Team created' : null);
  }

  async createTeam(form: FormBody): Promise<WebResult> {
    const values = formValues(form, ['name']);
    const validated = await validateAs(CreateTeamDto, values);
    if (!validated.ok) return this.teamsPage(values, validated.problems, null, 400);
    try {
      await this.officers.createTeam(validated.value);
      return redirectTo('/admin/teams?saved=created');
    } catch (error) {
      const shown = formProblems(error);
      if (!shown) throw error;
      return this.teamsPage(values, shown.problems, null, shown.status);
    }
  }

  private async newOfficerPage(values: FormValues, problems: FieldProblem[], status = 200): Promise<PageResult> {
    const state = officerFormState(values, problems);
    return page(
      'admin/officer-new',
      { title: pageTitle('Add an officer', state.hasErrors), form: officerFormModel(state, await this.officers.listTeams(), true) },
      status,
    );
  }

  private async officerDetailPage(
    officer: OfficerView,
    values: FormValues,
    problems: FieldProblem[],
    saved: string | null,
    status = 200,
  ): Promise<PageResult> {
    const state = officerFormState(values, problems);
    return page(
      'admin/officer',
      {
        title: pageTitle(officer.name, state.hasErrors),
        saved,
        officer: {
          name: officer.name,
          username: officer.username,
          status: statusTag(officer.active),
          active: officer.active,
        },
        detailsAction: `/admin/officers/${officer.id}`,
        activeAction: `/admin/officers/${officer.id}/active`,
        form: officerFormModel(state, await this.officers.listTeams(), false),
      },
      status,
    );
  }

  private async teamsPage(values: FormValues, problems: FieldProblem[], saved: string | null, status = 200): Promise<PageResult> {
    const state = teamFormState(values, problems);
    const teams = await this.officers.listTeams();
    return page(
      'admin/teams',
      {
        title: pageTitle('Teams', state.hasErrors),
        saved,
        teams: teams.map((team) => ({ name: team.name })),
        errors: state.errors,
        name: state.input('name'),
      },
      status,
    );
  }
}

function teamNames(teams: Team[]): (id: string | null) => string {
  const byId = new Map(teams.map((team) => [team.id, team.name]));
  return (id) => (id === null ? 'No team' : (byId.get(id) ?? 'Unknown team'));
}

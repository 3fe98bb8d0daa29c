import { FieldProblem } from '../../common/domain-error';
import { ROLES } from '../../officers/officer.entity';
import { OfficerView } from '../../officers/officers.service';
import { Team } from '../../officers/team.entity';
import { definedOnly, FormBody, formText, FormValues, optionalText } from '../forms/form-body';
import { FieldSpec, FormState, Option } from '../forms/form-state';
import { ROLE_LABELS } from '../labels';

const OFFICER_FIELDS: Record<string, FieldSpec> = {
  username: {
    label: 'Username',
    noun: 'a username',
    kind: 'text',
    hint: 'What they sign in with: 3 to 64 lower-case letters, digits, dots, dashes or underscores. For example, pc.morgan',
    formatMessage: 'The username must be 3 to 64 lower-case letters, digits, dots, dashes or underscores',
  },
  name: { label: 'Full name', noun: 'their full name', kind: 'text', hint: 'As families will see it in the handbook, for example PC Alex Morgan' },
  collarNumber: { label: 'Collar number', noun: 'their collar number', kind: 'text' },
  workPhone: {
    label: 'Work phone',
    noun: 'their work phone number',
    kind: 'text',
    hint: 'Printed in the handbook for families to call',
    formatMessage: 'Enter a work phone number using digits, spaces and brackets, like 01632 960 001',
  },
  email: {
    label: 'Work email',
    noun: 'their work email address',
    kind: 'text',
    formatMessage: 'Enter a work email address in the correct format, like name@example.police.uk',
  },
  role: { label: 'Role', noun: 'a role', kind: 'choice' },
  teamId: { label: 'Team', noun: 'a team', kind: 'choice' },
  password: {
    label: 'First password',
    noun: 'a first password',
    kind: 'text',
    hint: 'At least 12 characters. Give it to the officer in person.',
    formatMessage: 'The first password must be at least 12 characters long',
    secret: true,
  },
  active: { label: 'Account', noun: 'whether the account is active', kind: 'choice' },
};

const TEAM_FIELDS: Record<string, FieldSpec> = {
  name: { label: 'Team name', noun: 'the team name', kind: 'text' },
};

const ROLE_HINTS: Record<(typeof ROLES)[number], string> = {
  officer: 'Sees the cases they are liaison officer or deputy for',
  supervisor: "Sees all of their team's cases, and reassigns them",
  admin: 'Manages accounts and teams; sees no case contents',
};

export const OFFICER_DETAIL_FIELDS = ['name', 'collarNumber', 'workPhone', 'email', 'role', 'teamId'] as const;
export const NEW_OFFICER_FIELDS = ['username', ...OFFICER_DETAIL_FIELDS] as const;

export function officerFormState(values: FormValues, problems: FieldProblem[] = []): FormState {
  return new FormState(values, problems, (name) => OFFICER_FIELDS[name]);
}

export function teamFormState(values: FormValues, problems: FieldProblem[] = []): FormState {
  return new FormState(values, problems, (name) => TEAM_FIELDS[name]);
}

export function officerValues(officer: OfficerView): FormValues {
  return {
    name: officer.name,
    collarNumber: officer.collarNumber,
    workPhone: officer.workPhone,
    email: officer.email,
    role: officer.role,
    teamId: officer.teamId ?? '',
  };
}

/** A posted new-officer form in the shape of CreateOfficerDto. The password is taken as typed. */
export function createOfficerBody(form: FormBody): Record<string, unknown> {
  return {
    ...Object.fromEntries(NEW_OFFICER_FIELDS.map((name) => [name, formText(form, name)])),
    role: optionalText(formText(form, 'role')),
    teamId: optionalText(formText(form, 'teamId')),
    password: typeof form.password === 'string' ? form.password : '',
  };
}

/** A posted details form in the shape of UpdateOfficerDto. */
export function updateOfficerBody(form: FormBody): Record<string, unknown> {
  return definedOnly({
    ...Object.fromEntries(OFFICER_DETAIL_FIELDS.filter((name) => name in form).map((name) => [name, formText(form, name)])),
    role: optionalText(formText(form, 'role')),
    teamId: optionalText(formText(form, 'teamId')),
  });
}

export function officerFormModel(state: FormState, teams: Team[], creating: boolean) {
  const roleOptions: Option[] = ROLES.map((role) => ({ value: role, text: ROLE_LABELS[role], hint: ROLE_HINTS[role] }));
  const teamOptions: Option[] = [{ value: '', text: 'Choose a team' }, ...teams.map((team) => ({ value: team.id, text: team.name }))];
  return {
    errors: state.errors,
    username: creating ? state.input('username') : null,
    name: state.input('name'),
    collarNumber: state.input('collarNumber'),
    workPhone: state.input('workPhone'),
    email: state.input('email'),
    role: state.choice('role', roleOptions),
    teamId: state.choice('teamId', teamOptions),
    password: creating ? state.input('password') : null,
  };
}

/**
 * For each route that takes a body: a body the route would accept as it is. The corpus spoils one
 * field at a time, so a refusal shows that field is checked (a spoiled field the route accepted
 * would change a stored record, and the suite would say so). Routes not listed here still get every
 * field-independent attack (malformed JSON, huge and deep bodies, prototype keys, wrong types…).
 */
export interface BaseBody {
  /** JSON body for an API route. */
  json?: Record<string, unknown>;
  /** Form fields for a web page (the form token is added when sent). */
  form?: Record<string, string>;
  /** Fields that take any text: only control characters, lone surrogates and overlong values are spoiled there. */
  text?: string[];
  /** Fields that take any characters but NUL and lone surrogates (passwords): only those and overlong values are tried. */
  anyText?: string[];
  /** Fields where null (JSON) or any value (form checkbox) is a valid answer, so those are not spoiled. */
  lenient?: string[];
  /** The route honours an Idempotency-Key header. */
  idempotent?: boolean;
}

export interface Fixtures {
  caseId: string;
  caseVersion: number;
  familyContactId: string;
  milestoneId: string;
  alertId: string;
  officer2Id: string;
  northTeamId: string;
}

export function baseBodies(f: Fixtures): Record<string, BaseBody> {
  const caseJson = {
    reference: 'HOSTILE/0001',
    offenceType: 'iioc_possession',
    suspectStatus: 'bail_with_conditions',
    arrestDate: '2026-03-02',
    plannedArrestDate: '2026-03-01',
    childrenAtHome: true,
    childrenAgeBands: { under5: 1, age5to11: 0, age12to17: 1 },
    partnerWorksWithChildren: false,
    updateFrequencyDays: 14,
    contactPreferences: { method: 'phone', times: 'evenings', voicemailSafe: false, textSafe: true },
    preferredLanguage: 'English',
    mediaInterest: false,
    familyContacts: [{ name: 'Test Partner', relationship: 'partner', phone: '07700 900123', email: 'partner@example.org' }],
  };
  const caseText = ['contactPreferences.times', 'preferredLanguage', 'familyContacts.0.name', 'familyContacts.0.relationship'];
  const caseForm = {
    offenceType: 'iioc_possession',
    suspectStatus: 'bail_with_conditions',
    'arrestDate.day': '2',
    'arrestDate.month': '3',
    'arrestDate.year': '2026',
    updateFrequencyDays: '14',
    childrenAtHome: 'yes',
    'childrenAgeBands.under5': '1',
    'childrenAgeBands.age5to11': '0',
    'childrenAgeBands.age12to17': '2',
    partnerWorksWithChildren: 'no',
    'contactPreferences.method': 'phone',
    'contactPreferences.times': 'Evenings',
    preferredLanguage: 'English',
    'familyContacts.0.name': 'Robin Example',
    'familyContacts.0.relationship': 'partner',
    'familyContacts.0.phone': '07700 900123',
    'familyContacts.0.email': 'robin@example.org',
  };
  const caseFormText = ['contactPreferences.times', 'preferredLanguage', 'familyContacts.0.name', 'familyContacts.0.relationship'];
  const officer = {
    name: 'PC Hostile Probe',
    collarNumber: 'N0666',
    workPhone: '01632 960666',
    email: 'hostile.probe@example.police.uk',
    role: 'officer',
    teamId: f.northTeamId,
  };
  return {
    'POST /api/auth/login': { json: { username: 'hostile-probe', password: 'not-the-password-at-all' }, anyText: ['password'] },
    'POST /api/officers': {
      json: { username: 'hostile.probe', ...officer, password: 'a-long-first-password' },
      text: ['name', 'collarNumber'],
      anyText: ['password'],
    },
    'PATCH /api/officers/:id': { json: { name: 'PC Renamed', role: 'officer', active: true }, text: ['name'] },
    'POST /api/teams': { json: { name: 'Hostile Team' }, text: ['name'] },
    // A family contact's phone and email may be null or '' (none given).
    'POST /api/cases': { json: caseJson, text: caseText, lenient: ['plannedArrestDate', 'arrestDate', 'familyContacts.0.phone', 'familyContacts.0.email'] },
    'PATCH /api/cases/:id': {
      json: { version: f.caseVersion, status: 'open', mediaInterest: true, updateFrequencyDays: 21, preferredLanguage: 'Welsh', childrenAgeBands: { under5: 2, age5to11: 0, age12to17: 1 } },
      text: ['preferredLanguage'],
    },
    'POST /api/cases/:id/milestones': { json: { type: 'interview', status: 'expected', expectedDate: '2026-04-01', note: 'Interview arranged.' }, text: ['note'], lenient: ['expectedDate'] },
    'PATCH /api/cases/:id/milestones/:milestoneId': { json: { status: 'done', doneDate: '2026-03-09', note: 'Done.' }, text: ['note'], lenient: ['doneDate'] },
    'POST /api/cases/:id/declines': { json: { from: '2026-04-01', reviewDate: '2026-04-15', note: 'Asked for a pause.' }, text: ['note'] },
    'POST /api/cases/:id/contacts': {
      json: { occurredAt: '2026-03-09T10:00:00Z', method: 'phone', outcome: 'spoke', summary: 'Spoke about bail.', topicsCovered: ['bail'], familyContactId: f.familyContactId },
      text: ['summary', 'topicsCovered'],
      lenient: ['familyContactId'],
      idempotent: true,
    },
    'POST /api/cases/:id/wellbeing-checks': {
      json: {
        occurredAt: '2026-03-09T10:00:00Z',
        context: 'routine',
        distressLevel: 1,
        indicators: ['financial_hardship'],
        trustedPersonPresent: true,
        referrals: ['samaritans'],
        actions: 'Gave the support numbers.',
      },
      text: ['actions'],
    },
    'PATCH /api/settings': { json: { defaultCadenceDays: 21, impartialityWarning: false, mediumRiskFollowUpDays: 5, retentionReviewMonths: 36 } },
    'POST /sign-in': { form: { username: 'hostile-probe', password: 'not-the-password-at-all' }, anyText: ['password'] },
    'POST /cases': { form: { reference: 'HOSTILE/WEB/1', ...caseForm }, text: caseFormText },
    'POST /cases/:id/edit': {
      form: { version: String(f.caseVersion), status: 'open', ...caseForm, 'familyContacts.0.id': f.familyContactId },
      text: caseFormText,
    },
    'POST /cases/:id/reassign': { form: { version: String(f.caseVersion), liaisonOfficerId: f.officer2Id, deputyOfficerId: '' }, lenient: ['deputyOfficerId'] },
    'POST /admin/officers': { form: { username: 'hostile.web', ...officer, password: 'a-long-first-password' }, text: ['name', 'collarNumber'], anyText: ['password'] },
    'POST /admin/officers/:id': { form: { ...officer, name: 'PC Renamed On The Web' }, text: ['name', 'collarNumber'] },
    'POST /admin/officers/:id/active': { form: { active: 'no' } },
    'POST /admin/teams': { form: { name: 'Hostile Web Team' }, text: ['name'] },
  };
}

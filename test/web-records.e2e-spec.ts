import { Contact } from '../src/contacts/contact.entity';
import { caseIdByReference, createTestApp, TestApp } from './support/test-app';
import { caseForm, caseIdFrom } from './web/case-form';
import { signedIn, visibleText, WebClient } from './web/web-client';

/** The case page's records in the browser's forms: milestones, the updates owed, contacts, wellbeing checks and declines. */
describe('web case records', () => {
  let t: TestApp;
  let officer1: WebClient;

  beforeAll(async () => {
    t = await createTestApp();
    officer1 = await signedIn(t, 'officer1');
  });
  afterAll(() => t.close());

  async function createCase(overrides: Record<string, string> = {}): Promise<string> {
    await officer1.get('/cases/new');
    const res = await officer1.post('/cases', caseForm(overrides));
    expect(res.status).toBe(303);
    return caseIdFrom(res.headers.location);
  }

  const contactForm = (fields: Record<string, string>) => ({
    'occurredAt.day': '9',
    'occurredAt.month': '3',
    'occurredAt.year': '2026',
    'occurredAt.time': '14:30',
    method: 'phone',
    outcome: 'spoke',
    summary: 'Explained bail conditions.',
    topicsCovered: 'bail conditions, next steps',
    ...fields,
  });

  it('records the arrest of a planned warrant, which makes the first update owed', async () => {
    const id = await createCase({
      suspectStatus: 'not_arrested',
      'arrestDate.day': '',
      'arrestDate.month': '',
      'arrestDate.year': '',
      'plannedArrestDate.day': '6',
      'plannedArrestDate.month': '3',
      'plannedArrestDate.year': '2026',
    });
    const before = visibleText((await officer1.get(`/cases/${id}`)).text);
    expect(before).toContain('Nothing is owed before the arrest');
    expect(before).not.toContain('Log a contact');

    const form = await officer1.get(`/cases/${id}/milestones/new`);
    expect(form.status).toBe(200);
    const empty = await officer1.post(`/cases/${id}/milestones`, {});
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('<a href="#type">Select which step of the investigation this is</a>');

    const future = await officer1.post(`/cases/${id}/milestones`, { type: 'arrest', 'doneDate.day': '20', 'doneDate.month': '3', 'doneDate.year': '2026' });
    expect(future.status).toBe(400);
    expect(future.text).toContain('<a href="#doneDate-day">The date it happened must not be in the future</a>');

    const res = await officer1.post(`/cases/${id}/milestones`, {
      type: 'arrest',
      'doneDate.day': '6',
      'doneDate.month': '3',
      'doneDate.year': '2026',
      note: 'Arrested at home; taken to custody.',
    });
    expect([res.status, res.headers.location]).toEqual([303, `/cases/${id}?saved=milestone#milestones`]);
    const page = visibleText((await officer1.get(`/cases/${id}?saved=milestone`)).text);
    expect(page).toContain('Milestone recorded');
    expect(page).toMatch(/Arrest Done Happened 6 March 2026/);
    expect(page).toContain('For the family: Arrested at home; taken to custody.');
    expect(page).toMatch(/Date of arrest 6 March 2026/);
    expect(page).toMatch(/9 March 2026 First contact after the arrest Missed 1 day/);
  });

  it('updates and cancels a milestone', async () => {
    const id = await createCase();
    await officer1.get(`/cases/${id}/milestones/new`);
    await officer1.post(`/cases/${id}/milestones`, { type: 'bail_return', 'expectedDate.day': '24', 'expectedDate.month': '3', 'expectedDate.year': '2026' });
    const page = (await officer1.get(`/cases/${id}`)).text;
    const edit = /href="(\/cases\/[^"]+\/milestones\/[0-9a-f-]{36})"/.exec(page)![1];
    expect(visibleText(page)).toMatch(/Bail return date Expected Expected 24 March 2026/);
    expect(visibleText(page)).toMatch(/20 March 2026 Advance notice: bail return date Open/);
    const form = await officer1.get(edit);
    expect(form.text).toMatch(/id="status" name="status" type="radio" value="expected" checked/);
    const moved = await officer1.post(edit, { status: 'delayed', 'expectedDate.day': '7', 'expectedDate.month': '4', 'expectedDate.year': '2026', note: '' });
    expect(moved.headers.location).toBe(`/cases/${id}?saved=milestoneUpdated#milestones`);
    const cancelled = await officer1.post(edit, { status: 'cancelled', 'expectedDate.day': '7', 'expectedDate.month': '4', 'expectedDate.year': '2026' });
    expect(cancelled.headers.location).toBe(`/cases/${id}?saved=milestoneCancelled#milestones`);
    expect(visibleText((await officer1.get(`/cases/${id}`)).text)).toMatch(/Bail return date Cancelled/);
  });

  it('logs a back-dated contact that meets the overdue first update, once however often the form is sent', async () => {
    const id = await createCase();
    const form = await officer1.get(`/cases/${id}/contacts/new`);
    expect(form.text).toMatch(/name="occurredAt.time" type="text" value="10:00"/);
    const key = /name="idempotencyKey" value="([0-9a-f-]{36})"/.exec(form.text)![1];
    const partner = /name="familyContactId" type="radio" value="([0-9a-f-]{36})" checked/.exec(form.text)![1];
    const fields = contactForm({ 'occurredAt.day': '3', idempotencyKey: key, familyContactId: partner });
    const [first, second] = await Promise.all([officer1.post(`/cases/${id}/contacts`, fields), officer1.post(`/cases/${id}/contacts`, fields)]);
    expect([first.status, second.status]).toEqual([303, 303]);
    expect(await t.dataSource.getRepository(Contact).count({ where: { caseId: id } })).toBe(1);
    const again = await officer1.post(`/cases/${id}/contacts`, fields);
    expect(again.headers.location).toBe(`/cases/${id}?saved=contact#contacts`);
    expect(await t.dataSource.getRepository(Contact).count({ where: { caseId: id } })).toBe(1);

    const page = visibleText((await officer1.get(`/cases/${id}?saved=contact`)).text);
    expect(page).toContain('Contact logged');
    expect(page).toContain('3 March 2026 at 14:30: Phone call, Spoke to them');
    expect(page).toContain('With Robin Example. Logged by PC Alex Morgan (N1042).');
    expect(page).toContain('Topics: bail conditions, next steps');
    expect(page).toMatch(/3 March 2026 First contact after the arrest see the contact Met/);

    const changed = await officer1.post(`/cases/${id}/contacts`, { ...fields, summary: 'Something else' });
    expect(changed.status).toBe(422);
    expect(changed.text).toContain('This form was already used to log a contact');
    expect(changed.text).not.toContain(`value="${key}"`);
  });

  it('shows the problems with a contact beside its fields', async () => {
    const id = await createCase();
    await officer1.get(`/cases/${id}/contacts/new`);
    const res = await officer1.post(`/cases/${id}/contacts`, contactForm({ 'occurredAt.time': '25:00', outcome: '', summary: '' }));
    expect(res.status).toBe(400);
    expect(res.text).toContain('<a href="#occurredAt-time">Enter a real time using the 24-hour clock, for example 14:30</a>');
    expect(res.text).toContain('<a href="#outcome">Select what happened</a>');
    expect(res.text).toContain('<a href="#summary">Enter a summary of the contact</a>');
    const future = await officer1.post(`/cases/${id}/contacts`, contactForm({ 'occurredAt.day': '11' }));
    expect(future.status).toBe(400);
    expect(future.text).toContain('<a href="#occurredAt-day">The date of the contact must not be in the future</a>');
  });

  it('corrects an entry with a new one linked to it, and offers no second correction of the old one', async () => {
    const id = await createCase();
    await officer1.get(`/cases/${id}/contacts/new`);
    await officer1.post(`/cases/${id}/contacts`, contactForm({ outcome: 'no_answer', summary: 'No answer.' }));
    const page = (await officer1.get(`/cases/${id}`)).text;
    const correct = /href="(\/cases\/[^"]+\/contacts\/([0-9a-f-]{36})\/correct)"/.exec(page)!;
    const form = await officer1.get(correct[1]);
    expect(form.status).toBe(200);
    expect(visibleText(form.text)).toContain('The entry you are correcting 9 March 2026 at 14:30. Phone call: no answer.');
    expect(form.text).toMatch(/id="outcome-no_answer" name="outcome" type="radio" value="no_answer" checked/);
    const res = await officer1.post(correct[1], contactForm({ outcome: 'spoke', summary: 'Spoke after all.' }));
    expect(res.headers.location).toBe(`/cases/${id}?saved=correction#contacts`);
    const after = await officer1.get(res.headers.location);
    const text = visibleText(after.text);
    expect(text).toContain('Correction logged');
    expect(text).toMatch(/Correction .*Spoke after all\..*This corrects the entry of 9 March 2026 at 14:30 \./);
    expect(text).toMatch(/Corrected .*No answer\..*Corrected by the entry of 9 March 2026 at 14:30 : this entry no longer counts/);
    expect(after.text).toContain(`href="#contact-${correct[2]}"`);
    expect(after.text.match(/\/correct"/g)).toHaveLength(1);
    expect((await officer1.post(correct[1], contactForm({}))).status).toBe(409);
  });

  it('shows a high-risk wellbeing check’s risk as soon as it is saved, and that supervisors were alerted', async () => {
    const id = await createCase();
    const form = await officer1.get(`/cases/${id}/wellbeing-checks/new`);
    expect(form.text).toContain('value="samaritans"');
    const empty = await officer1.post(`/cases/${id}/wellbeing-checks`, { 'occurredAt.day': '10', 'occurredAt.month': '3', 'occurredAt.year': '2026', 'occurredAt.time': '09:00' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('<a href="#distressLevel">Select how distressed they were</a>');
    expect(empty.text).toContain('<a href="#trustedPersonPresent">Select whether a trusted person is with them</a>');
    const res = await officer1
      .agent.post(`/cases/${id}/wellbeing-checks`)
      .type('form')
      .send(
        'occurredAt.day=10&occurredAt.month=3&occurredAt.year=2026&occurredAt.time=09%3A00&context=arrest_day&distressLevel=3' +
          '&indicators=alone_without_support&indicators=financial_hardship&trustedPersonPresent=no&referrals=samaritans&referrals=stop_it_now' +
          `&actions=Stayed+until+her+sister+arrived.&_csrf=${officer1.csrfToken}`,
      );
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(new RegExp(`^/cases/${id}/wellbeing-checks/[0-9a-f-]{36}\\?saved=true$`));
    const shown = await officer1.get(res.headers.location);
    const text = visibleText(shown.text);
    expect(text).toContain('Wellbeing check recorded Risk level High risk');
    expect(text).toContain('Your supervisors have been alerted to this high-risk check.');
    expect(text).toContain('Check on them again by 11 March 2026.');
    expect(text).toContain('“Alone without support” is recorded and distress level is 3 or more');
    expect(text).toContain('Referrals Samaritans; Stop It Now helpline (Lucy Faithfull Foundation)');
    const casePage = visibleText((await officer1.get(`/cases/${id}`)).text);
    expect(casePage).toMatch(/10 March 2026 at 09:00: High risk Arrest day|High risk Supervisors alerted/);
    expect(casePage).toMatch(/11 March 2026 Wellbeing follow-up \(high risk\) Open/);
  });

  it('records that the family declined updates, and resumes them', async () => {
    const id = await createCase();
    const form = await officer1.get(`/cases/${id}/declines/new`);
    expect(form.text).toMatch(/id="reviewDate-day" name="reviewDate.day" type="text" inputmode="numeric" value="7"/);
    const bad = await officer1.post(`/cases/${id}/declines`, { 'from.day': '10', 'from.month': '3', 'from.year': '2026', 'reviewDate.day': '1', 'reviewDate.month': '3', 'reviewDate.year': '2026' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('<a href="#reviewDate-day">The review date must be after the date they stop wanting updates</a>');
    const res = await officer1.post(`/cases/${id}/declines`, {
      'from.day': '10',
      'from.month': '3',
      'from.year': '2026',
      'reviewDate.day': '7',
      'reviewDate.month': '4',
      'reviewDate.year': '2026',
      note: 'Wants space until the bail return.',
    });
    expect(res.headers.location).toBe(`/cases/${id}?saved=declined#updates`);
    const page = await officer1.get(`/cases/${id}`);
    expect(visibleText(page.text)).toContain('The family has declined updates from 10 March 2026. Check with them again by 7 April 2026.');
    expect(visibleText(page.text)).toMatch(/30 March 2026 Regular update Declined/);
    const resume = /action="(\/cases\/[^"]+\/declines\/[0-9a-f-]{36}\/end)"/.exec(page.text)![1];
    const resumed = await officer1.post(resume);
    expect(resumed.headers.location).toBe(`/cases/${id}?saved=resumed#updates`);
    expect((await officer1.post(resume)).status).toBe(303);
    const after = visibleText((await officer1.get(resumed.headers.location)).text);
    expect(after).toContain('Updates resumed');
    expect(after).toContain('Record that the family does not want updates for now');
  });

  it('answers 404 for a record of another case, and 403 without a form token', async () => {
    const id = await createCase();
    const other = await caseIdByReference(t, 'SOU/2026/0201');
    for (const path of [`/cases/${other}/milestones/new`, `/cases/${other}/contacts/new`, `/cases/${other}/wellbeing-checks/new`, `/cases/${other}/declines/new`]) {
      expect((await officer1.get(path)).status).toBe(404);
    }
    expect((await officer1.get(`/cases/${id}/milestones/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await officer1.get(`/cases/${id}/wellbeing-checks/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await officer1.post(`/cases/${id}/contacts`, contactForm({}), { csrf: null })).status).toBe(403);
    expect(await t.dataSource.getRepository(Contact).count({ where: { caseId: id } })).toBe(0);
  });
});

import { AccessLogEntry } from '../src/access-log/access-log-entry.entity';
import { caseIdByReference, createTestApp, officerId, TestApp } from './support/test-app';
import { caseForm, caseIdFrom } from './web/case-form';
import { signedIn, visibleText, WebClient } from './web/web-client';

describe('web case pages', () => {
  let t: TestApp;
  let officer1: WebClient;
  let supervisor1: WebClient;

  beforeAll(async () => {
    t = await createTestApp();
    officer1 = await signedIn(t, 'officer1');
    supervisor1 = await signedIn(t, 'supervisor1');
  });
  afterAll(() => t.close());

  async function apiCase(id: string) {
    const token = await t.login('officer1');
    return (await t.http.get(`/api/cases/${id}`).set('Authorization', `Bearer ${token}`).expect(200)).body;
  }

  async function createCase(client: WebClient, overrides: Record<string, string> = {}): Promise<string> {
    await client.get('/cases/new');
    const res = await client.post('/cases', caseForm(overrides));
    expect(res.status).toBe(303);
    return caseIdFrom(res.headers.location);
  }

  it('creates a case with children and a family contact, and shows it on the case page', async () => {
    const form = caseForm();
    await officer1.get('/cases/new');
    const res = await officer1.post('/cases', form);
    expect(res.status).toBe(303);
    const id = caseIdFrom(res.headers.location);
    expect(await apiCase(id)).toMatchObject({
      reference: form.reference,
      arrestDate: '2026-03-02',
      childrenAtHome: true,
      childrenAgeBands: { under5: 1, age5to11: 0, age12to17: 2 },
      liaisonOfficerId: await officerId(t, 'officer1'),
      contactPreferences: { method: 'phone', times: 'Evenings', voicemailSafe: false, textSafe: true },
      familyContacts: [expect.objectContaining({ name: 'Robin Example', email: 'robin@example.org' })],
    });
    const page = await officer1.get(res.headers.location);
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;.*form-action 'self';frame-ancestors 'none'/);
    const text = visibleText(page.text);
    expect(text).toContain('Case created');
    expect(text).toContain(form.reference);
    expect(text).toMatch(/Aged 0 to 4 1 Aged 5 to 11 0 Aged 12 to 17 2/);
    expect(text).toContain('Robin Example');
    expect(text).toContain('Possessing indecent images of children');
    for (const section of ['Updates owed', 'Contact log', 'Wellbeing checks', 'Milestones', 'Handbook']) expect(text).toContain(section);
    expect(text).not.toContain('Reassign case');
  });

  it('lists the new case on the work list and the cases page', async () => {
    const id = await createCase(officer1);
    const reference = (await apiCase(id)).reference;
    expect(visibleText((await officer1.get('/')).text)).toContain(reference);
    expect(visibleText((await officer1.get('/cases')).text)).toContain(reference);
    expect(visibleText((await officer1.get('/cases?status=closed')).text)).not.toContain(reference);
    expect((await officer1.get('/cases?status=sideways')).status).toBe(400);
  });

  it('shows each problem beside its field with an error summary, re-fills the form, and stores nothing', async () => {
    await officer1.get('/cases/new');
    const before = await t.dataSource.getRepository('Case').count();
    const res = await officer1.post(
      '/cases',
      caseForm({
        reference: '',
        suspectStatus: '',
        'arrestDate.day': '30',
        'arrestDate.month': '2',
        'familyContacts.0.name': '<script>alert(1)</script>',
        'familyContacts.1.name': 'Second Person',
        'familyContacts.1.relationship': 'mother',
        'familyContacts.1.email': 'not-an-email',
      }),
    );
    expect(res.status).toBe(400);
    expect(await t.dataSource.getRepository('Case').count()).toBe(before);
    expect(res.text).toContain('<title>Error: Create a case – Family liaison</title>');
    const summary = /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(res.text)![0];
    expect(summary).toContain('<a href="#reference">Enter the force reference</a>');
    expect(summary).toContain('<a href="#suspectStatus">Select the suspect&#x27;s status</a>');
    expect(summary).toContain('<a href="#arrestDate-day">The date of arrest must be a real date, for example 27 3 2026</a>');
    expect(summary).toContain(
      '<a href="#familyContacts-1-email">Enter the second contact&#x27;s email address in the correct format, like name@example.com</a>',
    );
    expect(res.text).toMatch(/id="familyContacts-1-email-error" class="govuk-error-message">[\s\S]*?in the correct format/);
    expect(res.text).toMatch(/class="govuk-input govuk-!-width-two-thirds govuk-input--error" id="familyContacts-1-email" name="familyContacts.1.email" type="email" value="not-an-email"/);
    expect(res.text).toContain('value="Second Person"');
    expect(res.text).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(res.text).not.toContain('<script>alert(1)</script>');
    expect(res.text).toMatch(/id="childrenAtHome" name="childrenAtHome" type="radio" value="yes" checked/);
  });

  it('shows the service rules beside the fields too: children in age bands, a used reference', async () => {
    await officer1.get('/cases/new');
    const noBands = await officer1.post('/cases', caseForm({ 'childrenAgeBands.under5': '', 'childrenAgeBands.age12to17': '' }));
    expect(noBands.status).toBe(400);
    expect(noBands.text).toContain('<a href="#childrenAgeBands-under5">Give how many children live at the home in each age band</a>');
    expect(noBands.text).toMatch(/id="childrenAgeBands-error" class="govuk-error-message">/);

    const bandsButNo = await officer1.post('/cases', caseForm({ childrenAtHome: 'no' }));
    expect(visibleText(bandsButNo.text)).toContain('The number of children in each age band must all be 0 when no children live at the home');

    const id = await createCase(officer1);
    const reference = (await apiCase(id)).reference;
    await officer1.get('/cases/new');
    const duplicate = await officer1.post('/cases', caseForm({ reference }));
    expect(duplicate.status).toBe(409);
    expect(duplicate.text).toContain('<a href="#reference">The force reference is already used by another case</a>');
  });

  it('puts a problem on the right family contact when an earlier one is left empty', async () => {
    await officer1.get('/cases/new');
    const res = await officer1.post(
      '/cases',
      caseForm({
        'familyContacts.0.name': '',
        'familyContacts.0.relationship': '',
        'familyContacts.0.phone': '',
        'familyContacts.0.email': '',
        'familyContacts.1.name': 'Only Contact',
        'familyContacts.1.relationship': 'partner',
        'familyContacts.1.phone': 'call me',
      }),
    );
    expect(res.status).toBe(400);
    expect(res.text).toContain('href="#familyContacts-1-phone"');
    expect(res.text).not.toContain('href="#familyContacts-0-phone"');
  });

  it('edits a case with the version it was read at, and removes a cleared family contact', async () => {
    const id = await createCase(officer1, {
      'familyContacts.1.name': 'Alex Second',
      'familyContacts.1.relationship': 'mother',
    });
    const form = await officer1.get(`/cases/${id}/edit`);
    expect(form.status).toBe(200);
    expect(form.text).toContain('<input type="hidden" name="version" value="1">');
    const stored = await apiCase(id);
    const res = await officer1.post(`/cases/${id}/edit`, {
      ...caseForm({ reference: stored.reference }),
      version: '1',
      status: 'open',
      suspectStatus: 'charged',
      'familyContacts.0.id': stored.familyContacts[0].id,
      'familyContacts.1.id': stored.familyContacts[1].id,
      'familyContacts.1.name': '',
      'familyContacts.1.relationship': '',
      'familyContacts.1.phone': '',
      'familyContacts.1.email': '',
    });
    expect([res.status, res.headers.location]).toEqual([303, `/cases/${id}?saved=updated`]);
    const updated = await apiCase(id);
    expect(updated).toMatchObject({ suspectStatus: 'charged', version: 2 });
    expect(updated.familyContacts.map((c: { name: string }) => c.name)).toEqual(['Robin Example']);
    expect(visibleText((await officer1.get(res.headers.location)).text)).toContain('Case details saved');
  });

  it('answers a stale version with a clear message and the officer’s own values, and changes nothing', async () => {
    const id = await createCase(officer1);
    const stored = await apiCase(id);
    const token = await t.login('officer1');
    await t.http.patch(`/api/cases/${id}`).set('Authorization', `Bearer ${token}`).send({ version: 1, preferredLanguage: 'Polish' }).expect(200);
    await officer1.get(`/cases/${id}/edit`);
    const res = await officer1.post(`/cases/${id}/edit`, {
      ...caseForm({ reference: stored.reference, 'contactPreferences.times': 'Only on Tuesdays' }),
      version: '1',
      status: 'open',
      'familyContacts.0.id': stored.familyContacts[0].id,
    });
    expect(res.status).toBe(409);
    const text = visibleText(res.text);
    expect(text).toContain('Someone else changed this case while you were editing it, so your changes have not been saved');
    expect(res.text).toContain('<a href="#stale-version">');
    expect(res.text).toContain(`href="/cases/${id}/edit">Open the latest version of the case</a>`);
    expect(res.text).toContain('value="Only on Tuesdays"');
    expect(await apiCase(id)).toMatchObject({ version: 2, preferredLanguage: 'Polish', contactPreferences: { times: 'Evenings' } });
  });

  it('shows a case the officer may not see as page not found, and logs the refusal', async () => {
    const other = await caseIdByReference(t, 'SOU/2026/0201');
    for (const path of [`/cases/${other}`, `/cases/${other}/edit`]) {
      const res = await officer1.get(path);
      expect(res.status).toBe(404);
      expect(visibleText(res.text)).toContain('Page not found');
      expect(res.text).not.toContain('SOU/2026/0201');
    }
    const refusals = await t.dataSource.getRepository(AccessLogEntry).find({ where: { caseId: other, outcome: 'refused', username: 'officer1' } });
    expect(refusals.length).toBeGreaterThanOrEqual(2);
    expect((await officer1.get('/cases/not-a-uuid')).status).toBe(400);
  });

  it('lets a supervisor see the team’s cases with their officers, and reassign one', async () => {
    const id = await createCase(officer1);
    const list = visibleText((await supervisor1.get('/cases')).text);
    expect(list).toContain("Your team's cases");
    expect(list).toContain('PC Alex Morgan (N1042)');
    const page = await supervisor1.get(`/cases/${id}`);
    expect(visibleText(page.text)).toContain('Reassign case');
    const officer2 = await officerId(t, 'officer2');
    const res = await supervisor1.post(`/cases/${id}/reassign`, { version: '1', liaisonOfficerId: officer2, deputyOfficerId: '' });
    expect([res.status, res.headers.location]).toEqual([303, `/cases/${id}?saved=reassigned`]);
    const after = visibleText((await supervisor1.get(res.headers.location)).text);
    expect(after).toContain('Case reassigned');
    expect(after).toMatch(/Liaison officer PC Priya Shah \(N2210\)/);
    expect((await officer1.get(`/cases/${id}`)).status).toBe(404);
  });

  it('refuses reassignment to an officer, and shows a stale reassignment on the case page', async () => {
    const id = await createCase(officer1);
    const officer2 = await officerId(t, 'officer2');
    await officer1.get(`/cases/${id}`);
    expect((await officer1.post(`/cases/${id}/reassign`, { version: '1', liaisonOfficerId: officer2 })).status).toBe(403);
    await supervisor1.get(`/cases/${id}`);
    const stale = await supervisor1.post(`/cases/${id}/reassign`, { version: '7', liaisonOfficerId: officer2, deputyOfficerId: '' });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('<a href="#stale-version">');
    expect(stale.text).toContain('<input type="hidden" name="version" value="1">');
  });

  it('warns on the case page when the liaison officer is also the investigating officer', async () => {
    const supervisor2 = await signedIn(t, 'supervisor2');
    const id = await caseIdByReference(t, 'SOU/2026/0203');
    const text = visibleText((await supervisor2.get(`/cases/${id}`)).text);
    expect(text).toContain('Warning The liaison officer is also the investigating officer');
  });

  it('keeps admins out of case pages', async () => {
    const admin = await signedIn(t, 'admin1');
    for (const path of ['/cases', '/cases/new']) expect((await admin.get(path)).status).toBe(403);
  });
});

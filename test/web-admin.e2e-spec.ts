import request from 'supertest';
import { Team } from '../src/officers/team.entity';
import { createTestApp, officerId, TestApp } from './support/test-app';
import { signedIn, visibleText, WebClient } from './web/web-client';

describe('web admin pages', () => {
  let t: TestApp;
  let admin: WebClient;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await signedIn(t, 'admin1');
  });
  afterAll(() => t.close());

  const ADMIN_PAGES = ['/admin/officers', '/admin/officers/new', '/admin/teams', '/admin/settings', '/admin/support-directory'];

  it('shows officers and supervisors the 403 page on every admin page, and refuses their posts', async () => {
    for (const username of ['officer1', 'supervisor1']) {
      const client = await signedIn(t, username);
      for (const path of [...ADMIN_PAGES, `/admin/officers/${await officerId(t, 'officer2')}`]) {
        const res = await client.get(path);
        expect(res.status).toBe(403);
        expect(visibleText(res.text)).toContain('You cannot open this page');
        expect(res.text).not.toMatch(/needs the role|admin/i);
      }
      const posted = await client.post('/admin/teams', { name: 'Sneaky' });
      expect(posted.status).toBe(403);
    }
    expect(await t.dataSource.getRepository(Team).findOneBy({ name: 'Sneaky' })).toBeNull();
  });

  it('lists every officer account with role, team and status', async () => {
    const res = await admin.get('/admin/officers');
    expect(res.status).toBe(200);
    const text = visibleText(res.text);
    expect(text).toContain('PC Alex Morgan officer1 N1042 Officer North Active');
    expect(text).toContain('Sgt Hannah Okafor supervisor2 S0502 Supervisor South Active');
    expect(text).toContain('Robin Hayes admin1 A0001 Administrator No team Active');
  });

  it('shows what is wrong with a new officer beside each field, then creates the account', async () => {
    await admin.get('/admin/officers/new');
    const bad = await admin.post('/admin/officers', {
      username: 'Not Valid',
      name: '',
      collarNumber: 'N9999',
      workPhone: 'call me',
      email: 'nope',
      role: '',
      teamId: '',
      password: 'short',
    });
    expect(bad.status).toBe(400);
    const summary = /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(bad.text)![0];
    expect(summary).toContain('href="#username">The username must be 3 to 64 lower-case letters');
    expect(summary).toContain('href="#name">Enter their full name');
    expect(summary).toContain('href="#workPhone">Enter a work phone number');
    expect(summary).toContain('href="#email">Enter a work email address in the correct format');
    expect(summary).toContain('href="#role">Select a role');
    expect(summary).toContain('href="#teamId">Select a team');
    expect(summary).toContain('href="#password">The first password must be at least 12 characters long');
    expect(bad.text).toContain('value="N9999"');
    expect(bad.text).not.toContain('value="short"');

    const north = (await t.dataSource.getRepository(Team).findOneByOrFail({ name: 'North' })).id;
    const good = await admin.post('/admin/officers', {
      username: 'pc.new',
      name: 'PC Nia Newton',
      collarNumber: 'N7777',
      workPhone: '01632 960 777',
      email: 'nia.newton@example.police.uk',
      role: 'officer',
      teamId: north,
      password: 'a-long-first-password',
    });
    expect(good.status).toBe(303);
    expect(good.headers.location).toMatch(/^\/admin\/officers\/[0-9a-f-]{36}\?saved=created$/);
    expect(visibleText((await admin.get(good.headers.location)).text)).toContain('Account created');
    const newcomer = new WebClient(t);
    expect((await newcomer.signIn('pc.new', 'a-long-first-password')).headers.location).toBe('/');

    await admin.get('/admin/officers/new');
    const taken = await admin.post('/admin/officers', {
      username: 'pc.new',
      name: 'PC Other',
      collarNumber: 'N7778',
      workPhone: '01632 960 778',
      email: 'other@example.police.uk',
      role: 'officer',
      teamId: north,
      password: 'a-long-first-password',
    });
    expect(taken.status).toBe(409);
    expect(taken.text).toContain('href="#username">A username is already taken');
  });

  it('changes an officer’s team and role', async () => {
    const id = await officerId(t, 'officer3');
    const north = (await t.dataSource.getRepository(Team).findOneByOrFail({ name: 'North' })).id;
    const page = await admin.get(`/admin/officers/${id}`);
    expect(page.text).toContain('value="PC Jordan Ellis"');
    const res = await admin.post(`/admin/officers/${id}`, {
      name: 'PC Jordan Ellis',
      collarNumber: 'S3307',
      workPhone: '01632 960103',
      email: 'officer3@liaison.example.police.uk',
      role: 'supervisor',
      teamId: north,
    });
    expect([res.status, res.headers.location]).toEqual([303, `/admin/officers/${id}?saved=updated`]);
    const text = visibleText((await admin.get('/admin/officers')).text);
    expect(text).toContain('PC Jordan Ellis officer3 S3307 Supervisor North Active');

    const invalid = await admin.post(`/admin/officers/${id}`, { name: '', collarNumber: 'S3307', workPhone: '01632 960103', email: 'x@y.uk', role: 'supervisor', teamId: north });
    expect(invalid.status).toBe(400);
    expect(invalid.text).toContain('href="#name">Enter their full name');
  });

  it('deactivates an account, which signs the officer out everywhere, and reactivates it', async () => {
    const officer2 = await signedIn(t, 'officer2');
    const id = await officerId(t, 'officer2');
    await admin.get(`/admin/officers/${id}`);
    const off = await admin.post(`/admin/officers/${id}/active`, { active: 'no' });
    expect([off.status, off.headers.location]).toEqual([303, `/admin/officers/${id}?saved=deactivated`]);
    expect(visibleText((await admin.get(off.headers.location)).text)).toContain('Deactivated');
    const bounced = await request(t.app.getHttpServer()).get('/').set('Cookie', officer2.sessionCookie);
    expect([bounced.status, bounced.headers.location]).toEqual([303, '/sign-in']);
    expect((await new WebClient(t).signIn('officer2')).status).toBe(401);

    const on = await admin.post(`/admin/officers/${id}/active`, { active: 'yes' });
    expect(on.headers.location).toBe(`/admin/officers/${id}?saved=reactivated`);
    expect((await new WebClient(t).signIn('officer2')).status).toBe(303);
    expect((await admin.post(`/admin/officers/${id}/active`, { active: 'maybe' })).status).toBe(400);
  });

  it('adds a team, and says when the name is taken', async () => {
    await admin.get('/admin/teams');
    const res = await admin.post('/admin/teams', { name: 'East' });
    expect([res.status, res.headers.location]).toEqual([303, '/admin/teams?saved=created']);
    const text = visibleText((await admin.get(res.headers.location)).text);
    expect(text).toContain('Team created');
    expect(text).toMatch(/East North South/);
    const taken = await admin.post('/admin/teams', { name: 'East' });
    expect(taken.status).toBe(409);
    expect(taken.text).toContain('href="#name">The team name is already taken');
    const empty = await admin.post('/admin/teams', { name: '' });
    expect(empty.text).toContain('href="#name">Enter the team name');
  });

  it('sends an admin from the start page to the officer accounts', async () => {
    const res = await admin.get('/');
    expect([res.status, res.headers.location]).toEqual([303, '/admin/officers']);
  });

  it('edits the force settings, with each problem beside its field', async () => {
    const form = await admin.get('/admin/settings');
    expect(form.status).toBe(200);
    expect(form.text).toMatch(/id="firstContactWorkingDays" name="firstContactWorkingDays" type="text" inputmode="numeric" spellcheck="false" value="1"/);
    expect(form.text).toMatch(/id="advanceNoticeMilestoneTypes-trial" name="advanceNoticeMilestoneTypes" type="checkbox" value="trial" checked/);
    const fields = {
      version: '0',
      firstContactWorkingDays: '1',
      afterMilestoneWorkingDays: '1',
      advanceNoticeWorkingDays: '2',
      defaultCadenceDays: '14',
      highRiskFollowUpWorkingDays: '1',
      mediumRiskFollowUpDays: '7',
      retentionReviewMonths: '24',
      impartialityWarning: 'yes',
    };
    const bad = await admin.post('/admin/settings', { ...fields, defaultCadenceDays: '70', mediumRiskFollowUpDays: '', impartialityWarning: '' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('<a href="#defaultCadenceDays">The days between regular updates must be a whole number from 1 to 56</a>');
    expect(bad.text).toContain('<a href="#mediumRiskFollowUpDays">Enter the days to a medium-risk follow-up</a>');
    expect(bad.text).toContain('<a href="#impartialityWarning">Select whether to warn when the liaison officer also investigates</a>');
    expect(bad.text).toMatch(/id="defaultCadenceDays-error" class="govuk-error-message">/);
    expect(bad.text).toContain('value="70"');

    const saved = await admin.post('/admin/settings', { ...fields, defaultCadenceDays: '21' });
    expect([saved.status, saved.headers.location]).toEqual([303, '/admin/settings?saved=true']);
    const after = await admin.get(saved.headers.location);
    expect(visibleText(after.text)).toContain('Settings saved');
    expect(after.text).toMatch(/name="defaultCadenceDays" type="text" inputmode="numeric" spellcheck="false" value="21"/);
    expect(after.text).not.toMatch(/value="trial" checked/);

    const stale = await admin.post('/admin/settings', { ...fields, defaultCadenceDays: '28' });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('<a href="#stale-version">Someone else changed the settings while you were editing them');
    expect(stale.text).toContain('<input type="hidden" name="version" value="1">');
  });

  it('shows the support directory read-only, with what is printed and what is not', async () => {
    const res = await admin.get('/admin/support-directory');
    expect(res.status).toBe(200);
    const text = visibleText(res.text);
    expect(text).toContain('Samaritans');
    expect(text).toContain('Phone 116 123');
    expect(text).toContain('This list is read-only here');
    expect(text).toMatch(/Printed/);
    expect(res.text).not.toContain('<form method="post" action="/admin/support-directory');
  });
});

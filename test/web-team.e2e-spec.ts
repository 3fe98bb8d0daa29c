import { createTestApp, officerId, TestApp } from './support/test-app';
import { caseForm, caseIdFrom } from './web/case-form';
import { signedIn, visibleText, WebClient } from './web/web-client';

/** Handlebars writes `=` in attributes as `&#x3D;`; a browser reads it back as `=`. */
const decoded = (html: string) => html.replace(/&#x3D;/g, '=');

/** The supervisor's team dashboard: alerts, missed updates with filters and CSV, the weekly chart and the standing lists. */
describe('web team dashboard', () => {
  let t: TestApp;
  let supervisor1: WebClient;
  let officer1: WebClient;

  beforeAll(async () => {
    t = await createTestApp();
    supervisor1 = await signedIn(t, 'supervisor1');
    officer1 = await signedIn(t, 'officer1');
  });
  afterAll(() => t.close());

  it('shows the team’s missed and late updates, the alerts, the chart with its table, and the standing lists', async () => {
    const res = await supervisor1.get('/team');
    expect(res.status).toBe(200);
    const text = visibleText(res.text);
    expect(text).toContain('North team');
    expect(text).toMatch(/Due from 9 February 2026 to 10 March 2026: \d+ updates? missed or late/);
    expect(text).toContain('NOR/2026/0101');
    expect(text).not.toContain('SOU/2026/');
    expect(text).toContain('Alerts to acknowledge (1)');
    expect(res.text).toMatch(/<svg class="app-chart__svg" viewBox="0 0 720 320" role="img" aria-labelledby="chart-title chart-desc"/);
    expect(res.text).toContain('<title id="chart-title">North team: updates met on time, per week</title>');
    expect(res.text).toMatch(/<desc id="chart-desc">A bar chart of the share of updates met on time for the 12 weeks from 22 December 2025 to the week of 9 March 2026\./);
    expect(res.text).toMatch(/<\/svg>\s*<\/figure>\s*<div class="app-table-scroll" role="region" aria-label="The figures in the chart" tabindex="0">\s*<table class="govuk-table app-chart-table"/);
    expect(text).toContain('The figures in the chart');
    expect(text).toContain('2026-W11');
    expect(text).toContain('High-risk checks without a follow-up');
    expect(text).toContain('Families not reached for 28 days');
    expect(text).toContain('Cases to reassign');
    expect(decoded(res.text)).toContain('href="/team/missed-updates.csv?from=2026-02-09&amp;to=2026-03-10"');
  });

  it('filters the missed updates, keeps the filters in the CSV link, and words bad filters beside the fields', async () => {
    const officer2 = await officerId(t, 'officer2');
    const res = await supervisor1.get(`/team?fromDay=1&fromMonth=1&fromYear=2026&toDay=10&toMonth=3&toYear=2026&officerId=${officer2}&status=missed`);
    expect(res.status).toBe(200);
    expect(decoded(res.text)).toContain(`href="/team/missed-updates.csv?from=2026-01-01&amp;to=2026-03-10&amp;officerId=${officer2}&amp;status=missed"`);
    const rows = /<table class="govuk-table app-missed-table">[\s\S]*?<\/table>/.exec(res.text)?.[0] ?? '';
    if (rows) {
      expect(visibleText(rows)).not.toContain('PC Alex Morgan');
      expect(visibleText(rows)).not.toMatch(/Attempted|Met late/);
    }
    expect(res.text).toMatch(new RegExp(`<option value="${officer2}" selected>PC Priya Shah</option>`));

    const bad = await supervisor1.get('/team?fromDay=31&fromMonth=2&fromYear=2026&status=lost');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('<title>Error: North team – Family liaison</title>');
    expect(bad.text).toContain('<a href="#from-day">The first due date must be a real date, for example 27 3 2026</a>');
    expect(bad.text).toContain('<a href="#status">The status must be one of missed, attempted, met, open</a>');
    expect(visibleText(bad.text)).toContain('Correct the filters to see the report.');

    const backwards = await supervisor1.get('/team?fromDay=10&fromMonth=3&fromYear=2026&toDay=1&toMonth=3&toYear=2026');
    expect(backwards.status).toBe(400);
    expect(visibleText(backwards.text)).toContain('The first due date must not be after the last due date');
  });

  it('pages the missed updates, keeping the filters in each page link', async () => {
    const res = await supervisor1.get('/team?fromDay=1&fromMonth=4&fromYear=2025&toDay=10&toMonth=3&toYear=2026');
    const total = Number(/Due from 1 April 2025 to 10 March 2026: (\d+) updates? missed or late/.exec(visibleText(res.text))![1]);
    if (total <= 25) return;
    expect(res.text).toContain('aria-label="Missed and late updates pages"');
    expect(decoded(res.text)).toContain('href="/team?fromDay=1&amp;fromMonth=4&amp;fromYear=2025&amp;toDay=10&amp;toMonth=3&amp;toYear=2026&amp;page=2#missed-updates"');
    const second = await supervisor1.get('/team?fromDay=1&fromMonth=4&fromYear=2025&toDay=10&toMonth=3&toYear=2026&page=2');
    expect(visibleText(second.text)).toMatch(/Showing 26 to \d+ of \d+/);
  });

  it('downloads the missed updates as a CSV file from a web route', async () => {
    const res = await supervisor1.get('/team/missed-updates.csv?from=2026-01-01&to=2026-03-10');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="missed-updates-[\w-]+\.csv"$/);
    expect(res.headers['cache-control']).toBe('no-store');
    const lines = res.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('caseId,reference,officerId,officerName,team,dueDate,reason,status,daysLate,updateId');
    expect(lines.slice(1).filter(Boolean).every((line) => line.includes(',North,'))).toBe(true);
    expect((await supervisor1.get('/team/missed-updates.csv?status=lost')).status).toBe(400);
    expect((await officer1.get('/team/missed-updates.csv')).status).toBe(403);
  });

  it('lets the supervisor acknowledge a high-risk alert with a form token', async () => {
    await officer1.get('/cases/new');
    const id = caseIdFrom((await officer1.post('/cases', caseForm())).headers.location);
    await officer1.get(`/cases/${id}/wellbeing-checks/new`);
    const check = await officer1.post(`/cases/${id}/wellbeing-checks`, {
      'occurredAt.day': '10',
      'occurredAt.month': '3',
      'occurredAt.year': '2026',
      'occurredAt.time': '08:15',
      context: 'crisis',
      distressLevel: '4',
      trustedPersonPresent: 'yes',
    });
    expect(check.status).toBe(303);
    const page = await supervisor1.get('/team');
    const forms = [...page.text.matchAll(/action="(\/team\/alerts\/[0-9a-f-]{36}\/acknowledge)"/g)].map((m) => m[1]);
    expect(forms.length).toBeGreaterThanOrEqual(2);
    expect(visibleText(page.text)).toContain('Distress level is 4');
    expect((await supervisor1.post(forms[0], {}, { csrf: null })).status).toBe(403);
    const res = await supervisor1.post(forms[0]);
    expect([res.status, res.headers.location]).toEqual([303, '/team?saved=acknowledged#alerts']);
    const after = await supervisor1.get('/team?saved=acknowledged');
    expect(visibleText(after.text)).toContain('Alert acknowledged');
    expect([...after.text.matchAll(/action="(\/team\/alerts\/[0-9a-f-]{36}\/acknowledge)"/g)]).toHaveLength(forms.length - 1);
  });

  it('keeps officers and admins out of the dashboard', async () => {
    expect((await officer1.get('/team')).status).toBe(403);
    const admin = await signedIn(t, 'admin1');
    expect((await admin.get('/team')).status).toBe(403);
  });

  it('links supervisors to the dashboard from their work list and the navigation', async () => {
    const home = await supervisor1.get('/');
    expect(home.text).toContain('<a class="govuk-link govuk-!-font-weight-bold" href="/team">Go to your team dashboard</a>');
    expect(home.text).toContain('href="/team"');
    expect((await officer1.get('/')).text).not.toContain('href="/team"');
  });
});

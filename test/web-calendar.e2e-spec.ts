import { AccessLogEntry } from '../src/access-log/access-log-entry.entity';
import { FamilyContact } from '../src/cases/family-contact.entity';
import { Contact } from '../src/contacts/contact.entity';
import { CalendarFeed } from '../src/web/calendar/calendar-feed.entity';
import { createTestApp, TestApp } from './support/test-app';
import { signedIn, WebClient } from './web/web-client';

/** RFC 5545 3.1: a CRLF followed by one space or tab continues the line before. */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n');
}

function events(ics: string): Record<string, string>[] {
  const lines = unfold(ics);
  const found: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      found.push(current!);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  return found;
}

describe('web calendar feed (iCalendar, RFC 5545)', () => {
  let t: TestApp;
  let officer1: WebClient;

  beforeAll(async () => {
    t = await createTestApp();
    officer1 = await signedIn(t, 'officer1');
  });
  afterAll(() => t.close());

  async function createLink(client: WebClient): Promise<string> {
    await client.get('/calendar');
    const res = await client.post('/calendar');
    expect(res.status).toBe(200);
    const href = /href="(\/calendar\/[A-Za-z0-9_-]{43}\.ics)"/.exec(res.text);
    expect(href).not.toBeNull();
    return href![1];
  }

  it('creates a secret link, shown once, and stores only its hash', async () => {
    const page = await officer1.get('/calendar');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Create a calendar link');
    const path = await createLink(officer1);
    const token = /\/calendar\/(.+)\.ics/.exec(path)![1];
    const stored = await t.dataSource.getRepository(CalendarFeed).find();
    expect(stored.map((feed) => feed.tokenHash)).not.toContain(token);
    expect(stored.every((feed) => /^[0-9a-f]{64}$/.test(feed.tokenHash))).toBe(true);
    const later = await officer1.get('/calendar');
    expect(later.text).not.toContain(token);
    expect(later.text).toContain('Stop the link');
  });

  it('serves the officer’s due updates as valid RFC 5545 to a caller with no session', async () => {
    const path = await createLink(officer1);
    const res = await t.http.get(path);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const ics = res.text;
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);

    const found = events(ics);
    expect(found.length).toBeGreaterThan(0);
    for (const event of found) {
      expect(event.UID).toMatch(/^[0-9a-f-]{36}@family-liaison$/);
      expect(event.DTSTAMP).toBe('20260310T100000Z');
      expect(event['DTSTART;VALUE=DATE']).toMatch(/^\d{8}$/);
      expect(Number(event['DTEND;VALUE=DATE'])).toBeGreaterThan(Number(event['DTSTART;VALUE=DATE']));
      expect(event.SUMMARY).toMatch(/family update due\\, NOR\/2026\/\d{4}$/);
      expect(event.DESCRIPTION).toMatch(/^Case NOR\/2026\/\d{4}\. /);
    }
    expect(new Set(found.map((event) => event.UID)).size).toBe(found.length);
    expect(found.some((event) => event.SUMMARY.startsWith('Overdue: '))).toBe(true);
    expect(ics).not.toMatch(/SOU\/2026/);
  });

  it('carries no family names and nothing said in a contact', async () => {
    const ics = (await t.http.get(await createLink(officer1))).text;
    const names = (await t.dataSource.getRepository(FamilyContact).find()).map((person) => person.name);
    expect(names.length).toBeGreaterThan(5);
    const unfolded = unfold(ics).join('\n');
    for (const name of names) expect(unfolded).not.toContain(name);
    for (const { summary } of await t.dataSource.getRepository(Contact).find()) expect(unfolded).not.toContain(summary);
  });

  it('keeps each update’s UID from one refresh to the next, with a new DTSTAMP', async () => {
    const path = await createLink(officer1);
    const first = events((await t.http.get(path)).text);
    t.clock.advanceMinutes(60);
    const second = events((await t.http.get(path)).text);
    expect(second.map((event) => event.UID).sort()).toEqual(first.map((event) => event.UID).sort());
    expect(second[0].DTSTAMP).toBe('20260310T110000Z');
    // An hour without a page view ended the browser session (30 idle minutes); the link does not depend on it.
    officer1 = await signedIn(t, 'officer1');
  });

  it('stops answering a revoked link, and a replaced one, with 404', async () => {
    const old = await createLink(officer1);
    expect((await t.http.get(old)).status).toBe(200);
    const replacement = await createLink(officer1);
    expect((await t.http.get(old)).status).toBe(404);
    expect((await t.http.get(replacement)).status).toBe(200);

    await officer1.get('/calendar');
    const revoked = await officer1.post('/calendar/revoke');
    expect([revoked.status, revoked.headers.location]).toEqual([303, '/calendar?saved=revoked']);
    const gone = await t.http.get(replacement);
    expect(gone.status).toBe(404);
    expect(gone.text).not.toContain('BEGIN:VCALENDAR');
    expect((await officer1.get('/calendar?saved=revoked')).text).toContain('You have no calendar link.');
  });

  it('answers 404 for an unknown link and 400 for one of the wrong shape', async () => {
    expect((await t.http.get(`/calendar/${'A'.repeat(43)}.ics`)).status).toBe(404);
    expect((await t.http.get('/calendar/short.ics')).status).toBe(400);
  });

  it('gives each officer their own cases only, and logs each read as a disclosure', async () => {
    const officer3 = await signedIn(t, 'officer3');
    const ics = (await t.http.get(await createLink(officer3))).text;
    expect(ics).toMatch(/SOU\/2026\/02\d\d/);
    expect(ics).not.toMatch(/NOR\/2026/);
    const log = await t.dataSource.getRepository(AccessLogEntry).find({ where: { recordType: 'calendar_feed', operation: 'disclosure' } });
    expect(log.some((entry) => entry.username === 'officer3')).toBe(true);
  });

  it('refuses form posts without a token, and keeps admins out', async () => {
    await officer1.get('/calendar');
    expect((await officer1.post('/calendar', {}, { csrf: null })).status).toBe(403);
    const admin = await signedIn(t, 'admin1');
    expect((await admin.get('/calendar')).status).toBe(403);
  });
});

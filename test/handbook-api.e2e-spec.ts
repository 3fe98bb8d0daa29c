import { AccessLogEntry } from '../src/access-log/access-log-entry.entity';
import { HandbookIssue } from '../src/handbook/handbook-issue.entity';
import { caseBody } from './support/builders';
import { caseIdByReference, createTestApp, TestApp } from './support/test-app';
import { pdfText } from './handbook/pdf-tools';

/** supertest collects a PDF as a Buffer with this parser. */
function binary(res: NodeJS.ReadableStream, callback: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}
const asBinary = binary as unknown as Parameters<ReturnType<TestApp['http']['get']>['parse']>[0];

describe('handbook through the API', () => {
  let t: TestApp;
  let officer1: string;

  beforeAll(async () => {
    t = await createTestApp();
    officer1 = await t.login('officer1');
  });
  afterAll(() => t.close());

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('prints the PDF for the liaison officer with their card, records the print as a disclosure and reprints from cache', async () => {
    const id = await caseIdByReference(t, 'NOR/2026/0101');
    const res = await t.http.get(`/api/cases/${id}/handbook.pdf`).set(auth(officer1)).buffer(true).parse(asBinary).expect(200);
    expect(res.headers['content-type']).toMatch(/application\/pdf/);
    expect(res.headers['content-disposition']).toContain('handbook-NOR-2026-0101.pdf');
    const text = pdfText(res.body as Buffer, { first: 1, last: 1 });
    expect(text).toContain('NOR/2026/0101');
    expect(text).toContain('PC Alex Morgan');

    const again = await t.http.get(`/api/cases/${id}/handbook.pdf`).set(auth(officer1)).buffer(true).parse(asBinary).expect(200);
    expect(again.headers['x-content-hash']).toBe(res.headers['x-content-hash']);

    const issues = await t.http.get(`/api/cases/${id}/handbook-issues`).set(auth(officer1)).expect(200);
    expect(issues.body).toHaveLength(2);
    expect(issues.body[0]).toMatchObject({ printedBy: 'officer1', format: 'pdf', contentHash: res.headers['x-content-hash'], options: { largePrint: false } });
    const disclosures = await t.dataSource.getRepository(AccessLogEntry).find({ where: { caseId: id, operation: 'disclosure' } });
    expect(disclosures).toHaveLength(2);
    expect(disclosures.every((d) => d.username === 'officer1' && d.recordType === 'handbook_issue')).toBe(true);
  });

  it('serves the exact printed HTML with a CSP that lets it load nothing, and a large-print variant', async () => {
    const id = await caseIdByReference(t, 'NOR/2026/0103');
    const normal = await t.http.get(`/api/cases/${id}/handbook.html`).set(auth(officer1)).expect(200);
    expect(normal.headers['content-security-policy']).toContain("default-src 'none'");
    expect(normal.text).toContain('NOR/2026/0103');
    const large = await t.http.get(`/api/cases/${id}/handbook.html?largePrint=true`).set(auth(officer1)).expect(200);
    expect(large.headers['x-content-hash']).not.toBe(normal.headers['x-content-hash']);
    const stored = await t.dataSource.getRepository(HandbookIssue).find({ where: { caseId: id } });
    expect(stored.map((s) => s.options.largePrint).sort()).toEqual([false, true]);
  });

  it('prints before the arrest with the first contact after the planned arrest as the next update', async () => {
    const planned = '2026-03-13'; // a Friday: first contact is due the next working day, Monday 16 March
    const created = await t.http
      .post('/api/cases')
      .set(auth(officer1))
      .send(caseBody({ suspectStatus: 'not_arrested', arrestDate: undefined, plannedArrestDate: planned }))
      .expect(201);
    const html = await t.http.get(`/api/cases/${created.body.id}/handbook.html`).set(auth(officer1)).expect(200);
    expect(html.text).toContain('16 March 2026');
  });

  it('changes the content hash when what is printed changes', async () => {
    const created = await t.http.post('/api/cases').set(auth(officer1)).send(caseBody()).expect(201);
    const before = await t.http.get(`/api/cases/${created.body.id}/handbook.html`).set(auth(officer1)).expect(200);
    await t.http.patch(`/api/cases/${created.body.id}`).set(auth(officer1)).send({ version: created.body.version, partnerWorksWithChildren: true }).expect(200);
    const after = await t.http.get(`/api/cases/${created.body.id}/handbook.html`).set(auth(officer1)).expect(200);
    expect(after.headers['x-content-hash']).not.toBe(before.headers['x-content-hash']);
    expect(after.text).toMatch(/LADO|Local Authority Designated Officer/);
    expect(before.text).not.toMatch(/Local Authority Designated Officer/);
  });

  it('refuses another team\'s case with 404 and a bad largePrint with 400 naming it', async () => {
    const other = await caseIdByReference(t, 'SOU/2026/0201');
    await t.http.get(`/api/cases/${other}/handbook.pdf`).set(auth(officer1)).expect(404);
    const own = await caseIdByReference(t, 'NOR/2026/0101');
    const bad = await t.http.get(`/api/cases/${own}/handbook.pdf?largePrint=yes`).set(auth(officer1)).expect(400);
    expect(bad.body.fields[0].field).toBe('largePrint');
  });
});

import { HandbookIssue } from '../src/handbook/handbook-issue.entity';
import { caseIdByReference, createTestApp, TestApp } from './support/test-app';
import { signedIn, visibleText, WebClient } from './web/web-client';

/** supertest collects a PDF as a Buffer with this parser. */
function binary(res: NodeJS.ReadableStream, callback: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}
const asBinary = binary as unknown as Parameters<ReturnType<TestApp['http']['get']>['parse']>[0];

/** The handbook from the case page: PDF downloads on web routes, the exact HTML, and the list of prints. */
describe('web handbook', () => {
  let t: TestApp;
  let officer1: WebClient;

  beforeAll(async () => {
    t = await createTestApp();
    officer1 = await signedIn(t, 'officer1');
  });
  afterAll(() => t.close());

  it('downloads the PDF and the large print PDF with the browser session, and lists each print on the case page', async () => {
    const id = await caseIdByReference(t, 'NOR/2026/0101');
    const page = await officer1.get(`/cases/${id}`);
    expect(visibleText(page.text)).toContain('Not printed yet.');
    expect(page.text).toContain(`href="/cases/${id}/handbook.pdf"`);

    const pdf = await officer1.agent.get(`/cases/${id}/handbook.pdf`).buffer(true).parse(asBinary);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="handbook-NOR-2026-0101.pdf"');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

    const large = await officer1.agent.get(`/cases/${id}/handbook.pdf?largePrint=true`).buffer(true).parse(asBinary);
    expect(large.status).toBe(200);
    expect(large.headers['x-content-hash']).not.toBe(pdf.headers['x-content-hash']);

    const after = visibleText((await officer1.get(`/cases/${id}`)).text);
    expect(after).toMatch(/Earlier prints .*10 March 2026 at 10:00 PC Alex Morgan \(N1042\) PDF, large print [0-9a-f]{12} 10 March 2026 at 10:00 PC Alex Morgan \(N1042\) PDF [0-9a-f]{12}/);
  });

  it('shows the exact printed HTML under its own policy', async () => {
    const id = await caseIdByReference(t, 'NOR/2026/0103');
    const res = await officer1.get(`/cases/${id}/handbook.html`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^inline; /);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.text).toContain('NOR/2026/0103');
    const stored = await t.dataSource.getRepository(HandbookIssue).find({ where: { caseId: id } });
    expect(stored.map((issue) => issue.format)).toEqual(['html']);
    expect(visibleText((await officer1.get(`/cases/${id}`)).text)).toContain('Viewed as a web page');
  });

  it('answers 404 for another team’s case and 400 for a bad option', async () => {
    const other = await caseIdByReference(t, 'SOU/2026/0201');
    expect((await officer1.get(`/cases/${other}/handbook.pdf`)).status).toBe(404);
    expect((await officer1.get(`/cases/${other}/handbook.html`)).status).toBe(404);
    const own = await caseIdByReference(t, 'NOR/2026/0101');
    expect((await officer1.get(`/cases/${own}/handbook.pdf?largePrint=maybe`)).status).toBe(400);
  });
});

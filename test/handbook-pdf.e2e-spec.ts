import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import * as path from 'node:path';
import { autogroupOf } from '../src/common/thread-priority';
import { HandbookComposer } from '../src/handbook/handbook-composer';
import type { HandbookInput } from '../src/handbook/handbook-input';
import { HandbookPrinter } from '../src/handbook/handbook-printer';
import { PdfCache } from '../src/handbook/pdf-cache';
import {
  ChromiumPdfRenderer,
  processGroupMembers,
  RendererBusyError,
  RendererClosedError,
  RenderTimeoutError,
} from '../src/handbook/pdf-renderer';
import { entriesFor, loadNationalDirectory, mergeDirectory } from '../src/handbook/support-directory';
import { CanaryServer } from './handbook/canary-server';
import { buildHandbookInput } from './handbook/handbook-input.factory';
import {
  expectedSections,
  fullTailoringMatrix,
  htmlToText,
  representativeTailoringCases,
  sectionsIn,
  type SectionName,
} from './handbook/handbook-sections';
import { hasOutline, pdfInfo, pdfText, pdfTitles } from './handbook/pdf-tools';

const composer = new HandbookComposer();
const sorted = (sections: Set<SectionName>) => [...sections].sort();

/**
 * Live pids in the browser's process group, from `ps` rather than the renderer's own /proc
 * reader. Zombies are left out: here PID 1 does not reap orphans, so a zygote that exited after
 * the browser stays listed as <defunct> although it no longer runs or holds memory.
 */
function psGroup(pgid: number): number[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,pgid=,stat='], { encoding: 'utf8' }).trim().split('\n');
  return rows
    .map((row) => row.trim().split(/\s+/))
    .filter(([, group, stat]) => Number(group) === pgid && !stat.startsWith('Z'))
    .map(([pid]) => Number(pid));
}

function psInfo(pids: number[]): Array<{ pid: number; pgid: number; sid: number; cls: string }> {
  const rows = execFileSync('ps', ['-o', 'pid=,pgid=,sid=,cls=', '-p', pids.join(',')], { encoding: 'utf8' }).trim().split('\n');
  return rows.map((row) => {
    const [pid, pgid, sid, cls] = row.trim().split(/\s+/);
    return { pid: Number(pid), pgid: Number(pgid), sid: Number(sid), cls };
  });
}

function psAlive(pid: number): boolean {
  try {
    const state = execFileSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    return state !== '' && !state.startsWith('Z');
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the tailoring matrix, as HTML', () => {
  it.each(fullTailoringMatrix().map((c) => [c.name, c.input] as const))('%s', (_, overrides) => {
    const input = buildHandbookInput(overrides);
    const text = htmlToText(composer.compose(input).html);
    expect(sorted(sectionsIn(text))).toEqual(sorted(expectedSections(input)));
  });
});

describe('the arrest-day handbook as a real PDF', () => {
  let renderer: ChromiumPdfRenderer;
  const canary = new CanaryServer();
  let canaryPort: number;

  const print = async (input: HandbookInput) =>
    renderer.render(composer.compose(input).html, { largePrint: input.options.largePrint });

  beforeAll(async () => {
    canaryPort = await canary.start();
    renderer = new ChromiumPdfRenderer({ concurrency: 2 });
    await renderer.start();
  });

  afterAll(async () => {
    await renderer.close();
    await canary.stop();
  });

  describe('tailoring, on representative families', () => {
    const cases = representativeTailoringCases();
    const pdfs = new Map<string, Buffer>();

    beforeAll(async () => {
      await Promise.all(
        cases.map(async (c) => {
          pdfs.set(c.name, await print(buildHandbookInput(c.input)));
        }),
      );
    });

    it.each(cases.map((c) => [c.name, c.input] as const))('%s: each section printed exactly when it should be', (name, overrides) => {
      const input = buildHandbookInput(overrides);
      expect(sorted(sectionsIn(pdfText(pdfs.get(name)!)))).toEqual(sorted(expectedSections(input)));
    });

    it.each(cases.map((c) => [c.name, c.input] as const))('%s: the tailored headings are bookmarks', (name, overrides) => {
      const input = buildHandbookInput(overrides);
      const titles = pdfTitles(pdfs.get(name)!);
      const expected = expectedSections(input);
      const bookmark: Array<[string, boolean]> = [
        ['Your liaison officer', true],
        ['Looking after yourself today', true],
        ['Where to get support', true],
        ['Bail with conditions', expected.has('bail')],
        ['Released under investigation', expected.has('releasedUnderInvestigation')],
        ['Charged', expected.has('charged')],
        ['Remanded in custody', expected.has('remanded')],
        ['Children living at home', expected.has('children')],
        ['Talking to children under 5', expected.has('childrenUnder5')],
        ['Talking to children aged 5 to 11', expected.has('children5to11')],
        ['Talking to teenagers', expected.has('teenagers')],
        ['If you work or volunteer with children', expected.has('worksWithChildren')],
      ];
      for (const [title, present] of bookmark) expect({ title, present: titles.includes(title) }).toEqual({ title, present });
    });

    it('are A4, tagged, with bookmarks and "page X of Y" on every page', () => {
      const pdf = pdfs.get(cases[1].name)!;
      const info = pdfInfo(pdf);
      expect(info.pageSize).toMatch(/\(A4\)/);
      expect(info.tagged).toBe(true);
      expect(hasOutline(pdf)).toBe(true);
      const pages = pdfText(pdf).split('\f').filter((page) => page.trim() !== '');
      expect(pages).toHaveLength(info.pages);
      pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} of ${info.pages}`));
    });
  });

  describe('the contact card on page 1', () => {
    it('shows the officer, their phone, the case reference and the next update date', async () => {
      const pdf = await print(buildHandbookInput({ nextUpdateDate: '2026-11-25', updateFrequencyDays: 14 }));
      const page1 = pdfText(pdf, { first: 1, last: 1 });
      expect(page1).toMatch(/Name\s+PC Sam Okafor/);
      expect(page1).toMatch(/Work phone\s+01632 960 123/);
      expect(page1).toMatch(/Case reference\s+NP-2026-0412/);
      expect(page1).toMatch(/Next update\s+Wednesday 25 November 2026/);
      expect(page1.replace(/\s+/g, ' ')).toContain('At least every 2 weeks, even when there is no news.');
    });

    it('printed before a planned warrant, promises contact within one working day of the arrest', async () => {
      const pdf = await print(
        buildHandbookInput({ suspectStatus: 'not_arrested', arrestDate: null, plannedArrestDate: '2026-11-26', nextUpdateDate: null }),
      );
      expect(pdfText(pdf, { first: 1, last: 1 })).toMatch(/Next update\s+Within one working day of the arrest/);
    });

    it('stays on page 1 in large print, with a long name and reference', async () => {
      const pdf = await print(
        buildHandbookInput({
          options: { largePrint: true },
          caseReference: 'NP-2026-0412-FAMILY-LIAISON-REFERRAL',
          liaisonOfficer: {
            name: 'Detective Constable Alexandra Montgomery-Featherstonehaugh',
            collarNumber: 'NP4471',
            workPhone: '01632 960 123',
            email: 'alexandra.montgomery-featherstonehaugh@northshire.police.example',
          },
        }),
      );
      // A long value may wrap after a hyphen; join it back before comparing.
      const page1 = pdfText(pdf, { first: 1, last: 1 }).replace(/-\s+/g, '-').replace(/\s+/g, ' ');
      expect(page1).toContain('Alexandra Montgomery-Featherstonehaugh');
      expect(page1).toContain('01632 960 123');
      expect(page1).toContain('NP-2026-0412-FAMILY-LIAISON-REFERRAL');
      expect(page1).toContain('Wednesday 25 November 2026');
    });
  });

  describe('hostile free text', () => {
    const hostile = () => [
      '<iframe src=file:///etc/passwd>',
      `<img src=http://127.0.0.1:${canaryPort}/x>`,
      `<link rel=stylesheet href=http://127.0.0.1:${canaryPort}/y>`,
      `@import url(http://127.0.0.1:${canaryPort}/z);`,
      '{{constructor.constructor}}',
    ];

    it('is printed as text, and nothing leaves the page', async () => {
      const [iframe, img, link, cssImport, template] = hostile();
      const input = buildHandbookInput({
        forceName: cssImport,
        caseReference: iframe,
        preferredLanguage: template,
        liaisonOfficer: { name: img, collarNumber: template, workPhone: link, email: cssImport },
      });
      const local = mergeDirectory(loadNationalDirectory(), [
        {
          key: 'hostile_local',
          name: link,
          what: `${img} ${cssImport}`,
          contact: { web: iframe },
          audience: ['everyone'],
          source: 'test',
          checkedOn: '2026-11-01',
        },
      ]);
      input.supportEntries = entriesFor(local, input);
      const blockedBefore = renderer.stats().blockedRequests;

      const text = pdfText(await print(input)).replace(/\s+/g, ' ');

      for (const value of hostile()) expect(text).toContain(value);
      expect(text).not.toMatch(/root:.*:0:0:/);
      expect(canary.hits).toEqual([]);
      expect(renderer.stats().blockedRequests).toBe(blockedBefore);
    });

    it('even as raw markup, with no policy and scripts, reaches nothing: every request is refused', async () => {
      const raw = `<!DOCTYPE html><html><head>
        <style>@import url(http://127.0.0.1:${canaryPort}/import);</style>
        <link rel="stylesheet" href="http://127.0.0.1:${canaryPort}/link">
        </head><body><h1>Raw</h1>
        <img src="http://127.0.0.1:${canaryPort}/img">
        <iframe src="file:///etc/passwd"></iframe>
        <div style="background:url(http://127.0.0.1:${canaryPort}/bg)">x</div>
        <script>fetch('http://127.0.0.1:${canaryPort}/script'); document.body.append('SCRIPT RAN');</script>
        </body></html>`;
      const blockedBefore = renderer.stats().blockedRequests;

      const text = pdfText(await renderer.render(raw));

      expect(canary.hits).toEqual([]);
      expect(renderer.stats().blockedRequests).toBeGreaterThan(blockedBefore);
      expect(text).not.toContain('SCRIPT RAN');
      expect(text).not.toMatch(/root:.*:0:0:/);
    });
  });

  it('large print takes more pages than standard print', async () => {
    const family = { childrenAtHome: true, childrenAgeBands: { under5: 1, age5to11: 1, age12to17: 1 } };
    const [standard, large] = await Promise.all([
      print(buildHandbookInput(family)),
      print(buildHandbookInput({ ...family, options: { largePrint: true } })),
    ]);
    expect(pdfInfo(large).pages).toBeGreaterThan(pdfInfo(standard).pages);
  });

  it('reprints an unchanged handbook from the cache, and prints again when it changes', async () => {
    const printer = new HandbookPrinter(composer, renderer, new PdfCache());
    const first = await printer.print(buildHandbookInput());
    const again = await printer.print(buildHandbookInput());
    const changed = await printer.print(buildHandbookInput({ nextUpdateDate: '2026-12-02' }));
    expect(first.cached).toBe(false);
    expect(again).toMatchObject({ cached: true, contentHash: first.contentHash });
    expect(changed.cached).toBe(false);
    expect(changed.contentHash).not.toBe(first.contentHash);
    expect(pdfText(changed.pdf, { first: 1, last: 1 })).toContain('Wednesday 2 December 2026');
  });
});

describe('ChromiumPdfRenderer limits and lifecycle', () => {
  const html = composer.compose(buildHandbookInput({ childrenAtHome: true, partnerWorksWithChildren: true })).html;

  it('refuses a print past the queue limit with RendererBusyError, and prints the rest', async () => {
    const renderer = new ChromiumPdfRenderer({ concurrency: 1, maxQueue: 2 });
    try {
      await renderer.start();
      const results = await Promise.allSettled([1, 2, 3, 4].map(() => renderer.render(html)));
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
      const refused = (results[3] as PromiseRejectedResult).reason;
      expect(refused).toBeInstanceOf(RendererBusyError);
      expect(refused.code).toBe('busy');
      expect(renderer.stats()).toMatchObject({ rendered: 3, refusedBusy: 1, active: 0, waiting: 0 });
    } finally {
      await renderer.close();
    }
  });

  it('gives up on a print that takes too long with RenderTimeoutError, and frees the slot', async () => {
    const renderer = new ChromiumPdfRenderer({ concurrency: 1, timeoutMs: 30 });
    try {
      await renderer.start();
      await expect(renderer.render(html)).rejects.toBeInstanceOf(RenderTimeoutError);
      const error = await renderer.render(html).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RenderTimeoutError);
      expect((error as RenderTimeoutError).message).toMatch(/could not be printed within 1 second because the server is busy. Try again/);
      expect((error as RenderTimeoutError).headers).toEqual({ 'Retry-After': '60' });
      expect(renderer.stats()).toMatchObject({ timedOut: 2, active: 0 });
    } finally {
      await renderer.close();
    }
  });

  it('relaunches Chromium when it dies, and the next print works', async () => {
    const renderer = new ChromiumPdfRenderer();
    try {
      await renderer.start();
      const first = renderer.browserPid()!;
      process.kill(first, 'SIGKILL');
      await waitFor(() => renderer.browserPid() !== null && renderer.browserPid() !== first, 10_000);
      const pdf = await renderer.render(html);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(renderer.stats().launches).toBe(2);
      await waitFor(() => psGroup(first).length === 0);
    } finally {
      await renderer.close();
    }
  });

  it("runs Chromium in a process group of its own, in the server's session, in the idle class", async () => {
    const renderer = new ChromiumPdfRenderer();
    try {
      await renderer.start();
      await renderer.render(html);
      const pid = renderer.browserPid()!;
      const [self] = psInfo([process.pid]);
      const group = psInfo(psGroup(pid));
      expect(group.length).toBeGreaterThan(1);
      for (const member of group) {
        // Its own group: one signal ends Chromium and nothing else. The server's session: the
        // kernel weighs it against the API by scheduling class, not session against session.
        expect(member).toMatchObject({ pgid: pid, sid: self.sid, cls: 'IDL' });
      }
      expect(self.cls).toBe('TS');
    } finally {
      await renderer.close();
    }
  });

  it('in a session of its own (no perl), lowers that session instead', async () => {
    const ownGroup = autogroupOf(process.pid);
    const renderer = new ChromiumPdfRenderer({ sameSession: false });
    try {
      await renderer.start();
      const pdf = await renderer.render(html);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const pid = renderer.browserPid()!;
      const [self] = psInfo([process.pid]);
      const [browser] = psInfo([pid]);
      expect(browser).toMatchObject({ pgid: pid, sid: pid, cls: 'IDL' });
      // The server's own session is left alone (it may be in no autogroup: the boot session's).
      if (autogroupOf(pid)) expect(autogroupOf(pid)?.nice).toBe(19);
      expect(autogroupOf(process.pid)).toEqual(ownGroup);
      expect(self.sid).not.toBe(pid);
    } finally {
      await renderer.close();
    }
  });

  it('Chromium goes with the server even when the server is killed outright', async () => {
    const host = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'handbook', 'renderer-host.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [line] = (await once(host.stdout!, 'data')) as [Buffer];
    const pid = Number(line.toString().trim());
    expect(psGroup(pid).length).toBeGreaterThan(1);

    host.kill('SIGKILL');

    // No shutdown code ran: Chromium saw its end of the pipe close and ended itself.
    await waitFor(() => psGroup(pid).length === 0, 10_000);
  });

  it('close() leaves no Chromium process and refuses further prints', async () => {
    const renderer = new ChromiumPdfRenderer();
    await renderer.start();
    await renderer.render(html);
    const pid = renderer.browserPid()!;
    expect(psAlive(pid)).toBe(true);
    expect(psGroup(pid).length).toBeGreaterThan(1);

    await renderer.close();

    expect(psAlive(pid)).toBe(false);
    expect(psGroup(pid)).toEqual([]);
    expect(processGroupMembers(pid)).toEqual([]);
    await expect(renderer.render(html)).rejects.toBeInstanceOf(RendererClosedError);
  });

  it('close() kills Chromium when it will not close by itself', async () => {
    const renderer = new ChromiumPdfRenderer({ closeTimeoutMs: 1_000 });
    await renderer.start();
    const pid = renderer.browserPid()!;
    process.kill(pid, 'SIGSTOP');

    const started = Date.now();
    await renderer.close();

    expect(Date.now() - started).toBeLessThan(5_000);
    await waitFor(() => psGroup(pid).length === 0);
    expect(psAlive(pid)).toBe(false);
  });
});

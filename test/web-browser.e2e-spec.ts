import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'puppeteer';
import { caseIdByReference, createTestApp, TEST_PASSWORD, TestApp } from './support/test-app';
import { launchBrowser, listen, screenshot, seriousAxeViolations } from './web/browser';

/**
 * The pages in a real browser (Debian's Chromium): signing in, creating a case, the supervisor's
 * and admin's pages, keyboard use, JavaScript off, and axe-core on every page. Screenshots of each
 * page go to test-output/screenshots/.
 */
describe('web pages in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let origin: string;
  /** Everything that went wrong in any page: console errors (CSP refusals among them), failed or off-site requests. */
  const problems: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    origin = await listen(t.app);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    for (const dir of downloadDirs) rmSync(dir, { recursive: true, force: true });
  });

  afterEach(() => {
    expect(problems.splice(0)).toEqual([]);
  });

  /** Where a page's downloads land; removed after the suite. */
  const downloadDirs: string[] = [];

  async function newPage(options: { javaScript?: boolean; width?: number; downloads?: string } = {}): Promise<{ page: Page; context: BrowserContext }> {
    const context = await browser.createBrowserContext(
      options.downloads ? { downloadBehavior: { policy: 'allow', downloadPath: options.downloads } } : {},
    );
    const page = await context.newPage();
    await page.setViewport({ width: options.width ?? 1280, height: 900 });
    await page.setJavaScriptEnabled(options.javaScript ?? true);
    page.on('console', (message) => {
      if (message.type() === 'error' && !/status of (403|404|400|409)/.test(message.text())) problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${(error as Error).message}`));
    page.on('request', (request) => {
      if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) problems.push(`off-site request: ${request.url()}`);
    });
    page.on('requestfailed', (request) => {
      // A download is handed to the download manager, which the page sees as an aborted navigation.
      const download = options.downloads && /\.(pdf|csv)(\?|$)/.test(request.url()) && request.failure()?.errorText === 'net::ERR_ABORTED';
      if (!download) problems.push(`failed: ${request.url()}`);
    });
    page.on('response', (response) => {
      if (response.url().includes('/assets/') && response.status() >= 400) problems.push(`asset ${response.status()}: ${response.url()}`);
    });
    return { page, context };
  }

  /**
   * Checks the page as it stands with axe-core and saves a screenshot of it. With JavaScript off
   * axe cannot run (its timers never fire), so those pages are only photographed: each of them is
   * also checked with JavaScript on.
   */
  async function check(page: Page, name: string, options: { axe?: boolean } = {}): Promise<void> {
    await screenshot(page, name);
    if (options.axe === false) return;
    const violations = await seriousAxeViolations(page);
    expect({ page: name, violations }).toEqual({ page: name, violations: [] });
  }

  async function go(page: Page, path: string) {
    return page.goto(`${origin}${path}`, { waitUntil: 'load' });
  }

  async function submit(page: Page, selector = 'main form button[type=submit]') {
    const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click(selector)]);
    return response;
  }

  async function signIn(page: Page, username: string) {
    await go(page, '/sign-in');
    await page.type('#username', username);
    await page.type('#password', TEST_PASSWORD);
    await submit(page);
  }

  const text = (page: Page) => page.$eval('main', (main) => (main as HTMLElement).innerText);

  it('reaches the skip link first with Tab, shows focus, and skips to the main content', async () => {
    const { page, context } = await newPage();
    await go(page, '/sign-in');
    await check(page, 'sign-in');
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const style = getComputedStyle(element);
      return { className: element.className, text: element.textContent?.trim(), background: style.backgroundColor, outline: style.outlineStyle };
    });
    expect(skip).toMatchObject({ className: expect.stringContaining('govuk-skip-link'), text: 'Skip to main content', background: 'rgb(255, 221, 0)' });
    await screenshot(page, 'sign-in-skip-link-focused');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');
    await page.keyboard.press('Tab');
    const field = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const style = getComputedStyle(element);
      return { id: element.id, outlineStyle: style.outlineStyle, outlineColor: style.outlineColor, outlineWidth: style.outlineWidth };
    });
    expect(field).toEqual({ id: 'username', outlineStyle: 'solid', outlineColor: 'rgb(255, 221, 0)', outlineWidth: '3px' });
    await context.close();
  });

  it('lets an officer sign in, create a case with children, and see it on the case page', async () => {
    const { page, context } = await newPage();
    await signIn(page, 'officer1');
    expect(page.url()).toBe(`${origin}/`);
    await check(page, 'officer-work-list');

    await go(page, '/cases');
    await check(page, 'officer-cases');

    await go(page, '/cases/new');
    await check(page, 'officer-new-case');

    await submit(page);
    expect(await page.$eval('.govuk-error-summary', (summary) => summary === document.activeElement)).toBe(true);
    expect(await text(page)).toContain('Enter the force reference');
    await check(page, 'officer-new-case-errors');

    await page.type('#reference', 'BROWSER/2026/1');
    await page.click('label[for="offenceType-iioc_making"]');
    await page.click('label[for="suspectStatus-bail_with_conditions"]');
    await page.type('#arrestDate-day', '2');
    await page.type('#arrestDate-month', '3');
    await page.type('#arrestDate-year', '2026');
    await page.click('label[for="childrenAtHome"]');
    await page.type('#childrenAgeBands-under5', '1');
    await page.type('#childrenAgeBands-age5to11', '2');
    await page.click('label[for="partnerWorksWithChildren-no"]');
    await page.click('label[for="contactPreferences-method-text"]');
    await page.click('label[for="contactPreferences-textSafe"]');
    await page.type('#familyContacts-0-name', 'Jamie Example');
    await page.type('#familyContacts-0-relationship', 'partner');
    await page.type('#familyContacts-0-phone', '07700 900456');
    await submit(page);
    expect(page.url()).toMatch(/\/cases\/[0-9a-f-]{36}\?saved=created$/);
    const casePage = await text(page);
    expect(casePage).toContain('Case created');
    expect(casePage).toContain('BROWSER/2026/1');
    expect(casePage).toMatch(/Aged 0 to 4\s+1/);
    expect(casePage).toMatch(/Aged 5 to 11\s+2/);
    expect(casePage).toContain('Jamie Example');
    expect(casePage).toContain('Making indecent images of children');
    await check(page, 'officer-case-created');

    await page.click('a[href$="/edit"]');
    await page.waitForSelector('input[name="version"]');
    await check(page, 'officer-edit-case');
    await page.click('label[for="suspectStatus-charged"]');
    await submit(page);
    expect(await text(page)).toContain('Case details saved');

    await go(page, '/');
    expect(await text(page)).toContain('BROWSER/2026/1');
    await context.close();
  });

  it('works with JavaScript off: sign in, a form with errors, and a new case', async () => {
    const { page, context } = await newPage({ javaScript: false });
    await signIn(page, 'officer2');
    expect(page.url()).toBe(`${origin}/`);
    await go(page, '/cases/new');
    await page.type('#reference', 'NOJS/2026/1');
    await submit(page);
    expect(await text(page)).toContain('Select the offence');
    expect(await page.$eval('#reference', (input) => (input as HTMLInputElement).value)).toBe('NOJS/2026/1');
    await check(page, 'no-javascript-new-case-errors', { axe: false });
    await page.click('#offenceType');
    await page.click('#suspectStatus');
    await page.click('#childrenAtHome-no');
    await page.click('#partnerWorksWithChildren-no');
    await submit(page);
    expect(await text(page)).toContain('NOJS/2026/1');
    await context.close();
  });

  it('shows an officer the 403 page for admin pages and the 404 page for a case that is not theirs', async () => {
    const { page, context } = await newPage();
    await signIn(page, 'officer1');
    const admin = await go(page, '/admin/officers');
    expect(admin?.status()).toBe(403);
    expect(await text(page)).toContain('You cannot open this page');
    await check(page, 'officer-refused-admin');
    const other = await caseIdByReference(t, 'SOU/2026/0201');
    const missing = await go(page, `/cases/${other}`);
    expect(missing?.status()).toBe(404);
    expect(await text(page)).not.toContain('SOU/2026/0201');
    await check(page, 'officer-case-not-found');
    await submit(page, 'header form button[type=submit]');
    expect(page.url()).toBe(`${origin}/sign-in?signedOut=true`);
    expect(await text(page)).toContain('You have signed out');
    await check(page, 'signed-out');
    await context.close();
  });

  it('gives a supervisor the team’s cases, the impartiality warning and the reassign form', async () => {
    const { page, context } = await newPage();
    await signIn(page, 'supervisor2');
    await check(page, 'supervisor-work-list');
    await go(page, '/cases');
    await check(page, 'supervisor-cases');
    await go(page, `/cases/${await caseIdByReference(t, 'SOU/2026/0203')}`);
    expect(await text(page)).toContain('The liaison officer is also the investigating officer');
    await check(page, 'supervisor-case-impartiality-warning');
    const optionFor = (name: string) =>
      page.$$eval('#deputyOfficerId option', (options, wanted) => options.find((o) => o.textContent?.includes(wanted))?.getAttribute('value') ?? '', name);
    await page.select('#deputyOfficerId', await optionFor('PC Jordan Ellis'));
    await submit(page, 'form[action$="/reassign"] button[type=submit]');
    expect(await text(page)).toContain('The deputy liaison officer must be a different officer from the liaison officer');
    await check(page, 'supervisor-reassign-error');
    await page.select('#deputyOfficerId', await optionFor('Sgt Hannah Okafor'));
    await submit(page, 'form[action$="/reassign"] button[type=submit]');
    expect(await text(page)).toContain('Case reassigned');
    await context.close();
  });

  it('lets an admin manage officers and teams', async () => {
    const { page, context } = await newPage();
    await signIn(page, 'admin1');
    expect(page.url()).toBe(`${origin}/admin/officers`);
    await check(page, 'admin-officers');
    await go(page, '/admin/officers/new');
    await submit(page);
    expect(await text(page)).toContain('Enter their full name');
    await check(page, 'admin-new-officer-errors');
    await go(page, '/admin/officers');
    await page.click('tbody a');
    await page.waitForSelector('form[action$="/active"]');
    await check(page, 'admin-officer');
    await go(page, '/admin/teams');
    await check(page, 'admin-teams');
    await context.close();
  });

  it('fits a narrow screen (a phone, or a laptop zoomed to 400%)', async () => {
    const { page, context } = await newPage({ width: 390 });
    await signIn(page, 'officer1');
    await check(page, 'narrow-work-list');
    await go(page, `/cases/${await caseIdByReference(t, 'NOR/2026/0101')}`);
    await check(page, 'narrow-case');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();

    const supervisor = await newPage({ width: 390 });
    await signIn(supervisor.page, 'supervisor1');
    await go(supervisor.page, '/team');
    await check(supervisor.page, 'narrow-team-dashboard');
    expect(await supervisor.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await supervisor.context.close();
  });

  /** Waits for a finished download in dir (Chromium writes `.crdownload` until it is complete). */
  async function downloaded(dir: string, extension: string): Promise<Buffer> {
    for (let waited = 0; waited < 30_000; waited += 100) {
      const file = readdirSync(dir).find((name) => name.endsWith(extension));
      if (file) return readFileSync(join(dir, file));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`No ${extension} file was downloaded to ${dir}`);
  }

  function downloadDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'web-downloads-'));
    downloadDirs.push(dir);
    return dir;
  }

  /** Presses Tab until the focused element matches the selector, checking each stop shows its focus. */
  async function tabTo(page: Page, selector: string, max = 150): Promise<void> {
    for (let presses = 0; presses < max; presses++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate((wanted) => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return { matches: false, visible: true, what: 'body' };
        const style = getComputedStyle(element);
        const visible = style.outlineStyle !== 'none' || style.boxShadow !== 'none' || style.backgroundColor === 'rgb(255, 221, 0)';
        return { matches: element.matches(wanted), visible, what: `${element.tagName} ${element.id || element.getAttribute('href') || ''}` };
      }, selector);
      expect({ focused: focus.what, visible: focus.visible }).toEqual({ focused: focus.what, visible: true });
      if (focus.matches) return;
    }
    throw new Error(`Tab never reached ${selector}`);
  }

  async function pressEnterAndWait(page: Page) {
    const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
    return response;
  }

  it('lets an officer make a calendar link, and an admin edit the force settings and read the support directory', async () => {
    const officer = await newPage();
    await signIn(officer.page, 'officer2');
    await go(officer.page, '/calendar');
    await check(officer.page, 'officer-calendar');
    await submit(officer.page);
    expect(await text(officer.page)).toContain('Your new calendar link');
    const feed = await officer.page.$eval('#feed-url', (code) => code.textContent ?? '');
    expect(feed).toMatch(new RegExp(`^${origin}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    await check(officer.page, 'officer-calendar-new-link');
    await officer.context.close();

    const admin = await newPage();
    await signIn(admin.page, 'admin1');
    await go(admin.page, '/admin/settings');
    await check(admin.page, 'admin-force-settings');
    await admin.page.$eval('#defaultCadenceDays', (input) => ((input as HTMLInputElement).value = ''));
    await admin.page.type('#defaultCadenceDays', '90');
    await submit(admin.page);
    expect(await text(admin.page)).toContain('The days between regular updates must be a whole number from 1 to 56');
    expect(await admin.page.$eval('.govuk-error-summary', (summary) => summary === document.activeElement)).toBe(true);
    await check(admin.page, 'admin-force-settings-errors');
    await go(admin.page, '/admin/support-directory');
    await check(admin.page, 'admin-support-directory');
    await admin.context.close();
  });

  describe('the journey in the issue', () => {
    const reference = 'JOURNEY/2026/1';
    let caseId = '';

    it('officer: creates a case with children for a planned warrant, then records the arrest', async () => {
      const { page, context } = await newPage();
      await signIn(page, 'officer1');
      await go(page, '/cases/new');
      await page.type('#reference', reference);
      await page.click('label[for="offenceType"]');
      await page.click('label[for="suspectStatus"]');
      await page.type('#plannedArrestDate-day', '10');
      await page.type('#plannedArrestDate-month', '3');
      await page.type('#plannedArrestDate-year', '2026');
      await page.click('label[for="childrenAtHome"]');
      await page.type('#childrenAgeBands-age5to11', '1');
      await page.type('#childrenAgeBands-age12to17', '1');
      await page.click('label[for="partnerWorksWithChildren-no"]');
      await page.click('label[for="contactPreferences-method"]');
      await page.type('#familyContacts-0-name', 'Casey Journey');
      await page.type('#familyContacts-0-relationship', 'partner');
      await page.type('#familyContacts-0-phone', '07700 900789');
      await submit(page);
      caseId = /\/cases\/([0-9a-f-]{36})\?saved=created$/.exec(page.url())![1];
      expect(await text(page)).toContain('Nothing is owed before the arrest');
      await check(page, 'journey-case-before-arrest');

      await page.click('a[href$="/milestones/new"]');
      await page.waitForSelector('#type');
      await check(page, 'journey-record-milestone');
      await page.select('#type', 'arrest');
      await page.type('#doneDate-day', '10');
      await page.type('#doneDate-month', '3');
      await page.type('#doneDate-year', '2026');
      await page.type('#note', 'Arrested at home this morning and taken to custody. We will call you tomorrow.');
      await submit(page);
      expect(page.url()).toBe(`${origin}/cases/${caseId}?saved=milestone#milestones`);
      const casePage = await text(page);
      expect(casePage).toContain('Milestone recorded');
      expect(casePage).toMatch(/Arrest\s+Done\s+Happened 10 March 2026/);
      expect(casePage).toMatch(/11 March 2026\s+First contact after the arrest\s+Open/);
      expect(casePage).toMatch(/Date of arrest\s+10 March 2026/);
      await check(page, 'journey-arrest-recorded');

      await go(page, `/cases/${caseId}/milestones/new`);
      await submit(page);
      expect(await text(page)).toContain('Select which step of the investigation this is');
      await check(page, 'journey-record-milestone-errors');
      await context.close();
    });

    it('officer: two days later, sees the missed first contact at the top of the work list', async () => {
      t.clock.advance(2 * 24 * 3_600_000);
      const { page, context } = await newPage();
      await signIn(page, 'officer1');
      const overdue = await page.$eval('#overdue-heading', (heading) => heading.parentElement!.innerText);
      expect(overdue).toContain(reference);
      expect(overdue).toMatch(/First contact after the arrest, was due 11 March 2026 \(1 day ago, missed\)/);
      await check(page, 'journey-work-list-overdue');
      await context.close();
    });

    it('officer: logs a contact that meets it, using the keyboard only', async () => {
      const { page, context } = await newPage();
      await signIn(page, 'officer1');
      await tabTo(page, `#overdue-heading ~ ul a[href="/cases/${caseId}"]`);
      await pressEnterAndWait(page);
      expect(page.url()).toBe(`${origin}/cases/${caseId}`);
      await tabTo(page, `a[href="/cases/${caseId}/contacts/new"]`);
      await pressEnterAndWait(page);
      expect(await page.$eval('#occurredAt-time', (input) => (input as HTMLInputElement).value)).toBe('10:00');
      await check(page, 'journey-log-contact');
      await tabTo(page, '#method');
      await page.keyboard.press('Space');
      await tabTo(page, '#outcome');
      await page.keyboard.press('Space');
      await tabTo(page, '#summary');
      await page.keyboard.type('Called Casey. Explained what happens in custody and at interview.');
      await tabTo(page, '#topicsCovered');
      await page.keyboard.type('custody, interview, support lines');
      await tabTo(page, 'main form button[type=submit]');
      await pressEnterAndWait(page);
      expect(page.url()).toBe(`${origin}/cases/${caseId}?saved=contact#contacts`);
      const casePage = await text(page);
      expect(casePage).toContain('Contact logged');
      expect(casePage).toMatch(/12 March 2026 at 10:00: Phone call, Spoke to them/);
      expect(casePage).toMatch(/With Casey Journey\. Logged by PC Alex Morgan/);
      expect(casePage).toMatch(/11 March 2026\s+First contact after the arrest see the contact\s+Met late\s+1 day/);
      await check(page, 'journey-contact-logged');

      await go(page, '/');
      expect(await page.$eval('#overdue-heading', (heading) => heading.parentElement!.innerText)).not.toContain(reference);

      await go(page, `/cases/${caseId}/contacts/new`);
      await page.$eval('#occurredAt-time', (input) => ((input as HTMLInputElement).value = '25:61'));
      await submit(page);
      expect(await text(page)).toContain('Enter a real time using the 24-hour clock, for example 14:30');
      await check(page, 'journey-log-contact-errors');
      await context.close();
    });

    it('officer: records a high-risk wellbeing check and sees the risk as soon as it is saved', async () => {
      const { page, context } = await newPage();
      await signIn(page, 'officer1');
      await go(page, `/cases/${caseId}`);
      await page.click(`a[href="/cases/${caseId}/wellbeing-checks/new"]`);
      await page.waitForSelector('#distressLevel');
      await check(page, 'journey-wellbeing-form');
      await page.click('label[for="context-crisis"]');
      await page.click('label[for="distressLevel-3"]');
      await page.click('label[for="indicators"]');
      await page.click('label[for="indicators-alone_without_support"]');
      await page.click('label[for="trustedPersonPresent-no"]');
      await page.click('label[for="referrals-samaritans"]');
      await page.type('#actions', 'Stayed with Casey until her sister arrived. Gave the Samaritans number.');
      await submit(page);
      expect(page.url()).toMatch(new RegExp(`/cases/${caseId}/wellbeing-checks/[0-9a-f-]{36}\\?saved=true$`));
      const result = await text(page);
      expect(result).toMatch(/Wellbeing check recorded\s+Risk level\s+High risk/);
      expect(result).toContain('Your supervisors have been alerted to this high-risk check.');
      expect(result).toContain('“Expressed thoughts of self-harm or suicide” is recorded');
      await check(page, 'journey-wellbeing-high-risk');
      await context.close();
    });

    it('officer: prints the handbook and views the exact HTML that is printed', async () => {
      const dir = downloadDir();
      const { page, context } = await newPage({ downloads: dir });
      await signIn(page, 'officer1');
      await go(page, `/cases/${caseId}#handbook`);
      await page.click(`a[href="/cases/${caseId}/handbook.pdf"]`);
      const pdf = await downloaded(dir, '.pdf');
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

      await page.click(`a[href="/cases/${caseId}/handbook.html"]`);
      await page.waitForFunction((ref) => document.body.innerText.includes(ref), {}, reference);
      await screenshot(page, 'journey-handbook-as-web-page');

      await go(page, `/cases/${caseId}`);
      const prints = await page.$eval('#handbook', (heading) => heading.parentElement!.innerText);
      expect(prints).toMatch(/12 March 2026 at 10:\d\d\s+PC Alex Morgan \(N1042\)\s+Viewed as a web page/);
      expect(prints).toMatch(/PC Alex Morgan \(N1042\)\s+PDF\s/);
      await check(page, 'journey-case-page');
      await context.close();
    });

    it('officer: records that the family declines updates for now and resumes them; opens the correction and milestone forms', async () => {
      const { page, context } = await newPage();
      await signIn(page, 'officer1');
      await go(page, `/cases/${caseId}`);
      await page.click(`a[href="/cases/${caseId}/declines/new"]`);
      await page.waitForSelector('#reviewDate-day');
      await check(page, 'journey-decline-form');
      await page.type('#note', 'Casey wants a break from updates until the bail return.');
      await submit(page);
      expect(await text(page)).toMatch(/The family has declined updates from 12 March 2026\. Check with them again by 9 April 2026\./);
      await check(page, 'journey-updates-declined');
      await submit(page, 'form[action$="/end"] button[type=submit]');
      expect(await text(page)).toContain('Updates resumed: an update is due today');
      await go(page, `/cases/${caseId}`);
      await page.click(`a[href^="/cases/${caseId}/contacts/"][href$="/correct"]`);
      await page.waitForSelector('.govuk-inset-text');
      await check(page, 'journey-correct-contact');
      await go(page, `/cases/${caseId}`);
      await page.click(`a[href^="/cases/${caseId}/milestones/"]:not([href$="/new"])`);
      await page.waitForSelector('#status');
      await check(page, 'journey-update-milestone');
      await context.close();
    });

    it('officer: cannot open the supervisor pages', async () => {
      const { page, context } = await newPage();
      await signIn(page, 'officer1');
      expect(await page.$$eval('nav a', (links) => links.map((link) => link.getAttribute('href')))).not.toContain('/team');
      const dashboard = await go(page, '/team');
      expect(dashboard?.status()).toBe(403);
      expect(await text(page)).toContain('You cannot open this page');
      await check(page, 'journey-officer-refused-team');
      expect((await go(page, '/team/missed-updates.csv'))?.status()).toBe(403);
      await context.close();
    });

    it('supervisor: sees the alert and the late update, acknowledges the alert and downloads the CSV', async () => {
      const dir = downloadDir();
      const { page, context } = await newPage({ downloads: dir });
      await signIn(page, 'supervisor1');
      await check(page, 'journey-supervisor-work-list');
      await page.click('main a[href="/team"]');
      await page.waitForSelector('#missed-updates');
      const alerts = await page.$eval('#alerts', (heading) => heading.parentElement!.innerText);
      expect(alerts).toContain(reference);
      const missed = await page.$eval('#missed-updates', (heading) => heading.parentElement!.innerText);
      expect(missed).toMatch(new RegExp(`${reference.replace(/\//g, '\\/')}\\s+PC Alex Morgan\\s+11 March 2026\\s+First contact after the arrest\\s+Met late\\s+1 day`));
      expect(missed).toMatch(/Missed/);
      expect(await page.$eval('svg.app-chart__svg', (svg) => [svg.getAttribute('role'), svg.querySelector('title')?.textContent])).toEqual([
        'img',
        'North team: updates met on time, per week',
      ]);
      await check(page, 'journey-team-dashboard');

      await page.select('#officerId', await page.$eval('#officerId', (select) => Array.from((select as HTMLSelectElement).options).find((o) => o.text === 'PC Alex Morgan')!.value));
      await page.select('#status', 'met');
      await submit(page, 'form.app-filters button[type=submit]');
      const filtered = await page.$eval('.app-missed-table tbody', (rows) => (rows as HTMLElement).innerText);
      expect(filtered).toContain(reference);
      expect(filtered).not.toMatch(/PC Priya Shah|Missed|Attempted/);
      await check(page, 'journey-team-dashboard-filtered');

      await page.click('a[href^="/team/missed-updates.csv"]');
      const csv = (await downloaded(dir, '.csv')).toString('utf8');
      expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('caseId,reference,officerId,officerName,team,dueDate,reason,status,daysLate,updateId');
      expect(csv).toContain(`${caseId},${reference},`);
      expect(csv).toContain(',2026-03-11,first_contact,met,1,');

      await go(page, '/team');
      const forms = await page.$$eval('form[action^="/team/alerts/"]', (all, ref) => all.filter((form) => form.closest('li')!.textContent!.includes(ref)).length, reference);
      expect(forms).toBe(1);
      const acknowledge = await page.evaluateHandle((ref) => Array.from(document.querySelectorAll('.app-alert')).find((alert) => alert.textContent!.includes(ref))!.querySelector('button'), reference);
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), (acknowledge as unknown as { click(): Promise<void> }).click()]);
      expect(await text(page)).toContain('Alert acknowledged');
      expect(await page.$eval('#alerts', (heading) => heading.parentElement!.innerText)).not.toContain(reference);
      await check(page, 'journey-alert-acknowledged');
      await context.close();
    });
  });
});

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
  });

  afterEach(() => {
    expect(problems.splice(0)).toEqual([]);
  });

  async function newPage(options: { javaScript?: boolean; width?: number } = {}): Promise<{ page: Page; context: BrowserContext }> {
    const context = await browser.createBrowserContext();
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
    page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
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
  });
});

import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildHandbookInput } from '../../test/handbook/handbook-input.factory';
import { htmlToText, SECTION_MARKERS } from '../../test/handbook/handbook-sections';
import { DEFAULT_TEMPLATES_DIR, HandbookComposer, sha256 } from './handbook-composer';
import { entriesFor, loadNationalDirectory, mergeDirectory } from './support-directory';

const HOSTILE = [
  '<iframe src=file:///etc/passwd>',
  '<img src=http://127.0.0.1:9/x>',
  '<link rel=stylesheet href=http://127.0.0.1:9/y>',
  '@import url(http://127.0.0.1:9/z);',
  '</style><script>alert(1)</script>',
  '{{constructor.constructor}}',
  '" onload="x',
].join(' ');

const styleBlock = (html: string) => /<style>[\s\S]*?<\/style>/.exec(html)?.[0];
const templates = () =>
  readdirSync(DEFAULT_TEMPLATES_DIR)
    .filter((file) => file.endsWith('.hbs'))
    .map((file) => ({ file, source: readFileSync(join(DEFAULT_TEMPLATES_DIR, file), 'utf8') }));

describe('HandbookComposer', () => {
  const composer = new HandbookComposer();

  describe('free text from the case', () => {
    const hostileInput = () => {
      const national = loadNationalDirectory();
      const input = buildHandbookInput({
        forceName: HOSTILE,
        caseReference: HOSTILE,
        preferredLanguage: HOSTILE,
        liaisonOfficer: { name: HOSTILE, collarNumber: HOSTILE, workPhone: HOSTILE, email: HOSTILE },
      });
      const withLocal = mergeDirectory(national, [
        {
          key: 'hostile_local',
          name: HOSTILE,
          what: HOSTILE,
          contact: { phone: HOSTILE, web: HOSTILE, email: HOSTILE, text: { number: HOSTILE, message: HOSTILE } },
          audience: ['everyone'],
          source: 'test',
          checkedOn: '2026-11-01',
        },
      ]);
      return { ...input, supportEntries: entriesFor(withLocal, input) };
    };

    it('is printed as text: no markup from it reaches the page', () => {
      const { html } = composer.compose(hostileInput());
      expect(html).not.toMatch(/<iframe|<img|<link|<script/i);
      expect(html).not.toMatch(/ onload=/i);
      expect(html).toContain('&lt;iframe src&#x3D;file:///etc/passwd&gt;');
    });

    it('reads back exactly as it was typed', () => {
      const text = htmlToText(composer.compose(hostileInput()).html);
      expect(text).toContain(HOSTILE);
    });

    it('cannot reach the style sheet, which is the same for every family', () => {
      const baseline = styleBlock(composer.compose(buildHandbookInput()).html);
      const { html } = composer.compose(hostileInput());
      expect(styleBlock(html)).toBe(baseline);
      expect(baseline).not.toMatch(/@import|url\(/);
      expect(html.match(/<style>/g)).toHaveLength(1);
    });

    it('is not evaluated as a template', () => {
      const { html } = composer.compose(hostileInput());
      expect(html).toContain('{{constructor.constructor}}');
      expect(html).not.toMatch(/function Function|\[native code\]/);
    });
  });

  describe('the page it builds', () => {
    const { html } = composer.compose(buildHandbookInput({ childrenAtHome: true, partnerWorksWithChildren: true, suspectStatus: 'remanded' }));

    it('is English, with a policy that forbids loading anything', () => {
      expect(html).toMatch(/^<!DOCTYPE html>\s*<html lang="en"/);
      expect(html).toContain(
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
      );
      expect(html).not.toMatch(/<script|<img|<link|<iframe|src=|@import|url\(|https?:\/\//i);
    });

    it('has one h1 and headings that never skip a level', () => {
      const levels = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
      expect(levels[0]).toBe(1);
      expect(levels.filter((l) => l === 1)).toHaveLength(1);
      levels.reduce((previous, level) => {
        expect(level).toBeLessThanOrEqual(previous + 1);
        return level;
      });
    });

    it('puts the contact card before everything else on the page', () => {
      expect(/<h2 id="([^"]+)"/.exec(html)?.[1]).toBe('contact-card');
    });

    it('says nobody will tell the partner whether to stay, and never tells them either way', () => {
      const text = htmlToText(html).replace(/\s+/g, ' ');
      expect(text).toContain('Nobody from the police will tell you whether to stay in your relationship or end it.');
      expect(text).not.toMatch(/\byou (should|must|need to|ought to) (leave|stay|end|split)/i);
      expect(text).not.toMatch(/\b(leave|divorce) (him|her|them)\b/i);
    });

    it('marks large print on the root element', () => {
      const large = composer.compose(buildHandbookInput({ options: { largePrint: true } })).html;
      expect(large).toMatch(/<html lang="en" class="large-print">/);
      expect(html).toMatch(/<html lang="en" class="standard-print">/);
    });
  });

  describe('content hash', () => {
    it('is the sha256 of the html and the same for the same handbook', () => {
      const first = composer.compose(buildHandbookInput());
      const again = composer.compose(buildHandbookInput());
      expect(first.contentHash).toBe(sha256(first.html));
      expect(first.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(again).toEqual(first);
    });

    it.each([
      ['the officer phone', { liaisonOfficer: { ...buildHandbookInput().liaisonOfficer, workPhone: '01632 960 999' } }],
      ['the next update', { nextUpdateDate: '2026-11-26' }],
      ['the print date', { printedOn: '2026-11-25' }],
      ['large print', { options: { largePrint: true } }],
      ['the children', { childrenAtHome: true }],
      ['the status', { suspectStatus: 'charged' as const }],
      ['the force', { forceName: 'Southshire Police' }],
    ])('changes when %s changes', (_, overrides) => {
      expect(composer.compose(buildHandbookInput(overrides)).contentHash).not.toBe(
        composer.compose(buildHandbookInput()).contentHash,
      );
    });

    it('changes when a support number in the directory changes', () => {
      const input = buildHandbookInput();
      const changed = mergeDirectory(loadNationalDirectory(), [{ key: 'samaritans', contact: { phone: '116 999' } }]);
      const after = composer.compose({ ...input, supportEntries: entriesFor(changed, input) });
      expect(after.contentHash).not.toBe(composer.compose(input).contentHash);
      expect(htmlToText(after.html)).toContain('116 999');
      expect(htmlToText(after.html)).not.toContain('116 123');
    });
  });

  describe('templates', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'handbook-templates-'));
      cpSync(DEFAULT_TEMPLATES_DIR, dir, { recursive: true });
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('are strict: a field the view does not have is an error, not a blank', () => {
      writeFileSync(join(dir, 'media.hbs'), '<p>{{officer.mobilePhone}}</p>');
      const strict = new HandbookComposer({ templatesDir: dir });
      expect(() => strict.compose(buildHandbookInput())).toThrow(/mobilePhone/);
    });

    it('are compiled once: editing a file after start-up changes nothing', () => {
      const before = new HandbookComposer({ templatesDir: dir });
      const first = before.compose(buildHandbookInput()).html;
      writeFileSync(join(dir, 'media.hbs'), '<p>changed</p>');
      expect(before.compose(buildHandbookInput()).html).toBe(first);
    });

    it('fail at start-up when one does not parse', () => {
      writeFileSync(join(dir, 'media.hbs'), '{{#if x}}never closed');
      expect(() => new HandbookComposer({ templatesDir: dir })).toThrow(/media\.hbs/);
    });

    it('never use triple-stash, so nothing bypasses escaping', () => {
      for (const { file, source } of templates()) expect({ file, tripleStash: source.includes('{'.repeat(3)) }).toEqual({ file, tripleStash: false });
    });

    it('hold no phone number or legal figure of their own', () => {
      // Numbers that name a statute or an age band, not figures the law or a service could change.
      const allowed = new Set(['47', '1989', '2014', '5', '11']);
      for (const { file, source } of templates()) {
        const text = source.replace(/<style>[\s\S]*?<\/style>/, '').replace(/\{\{[^}]*\}\}|<[^>]*>/g, '');
        const digits = (text.match(/\d+/g) ?? []).filter((d) => !allowed.has(d));
        expect({ file, digits }).toEqual({ file, digits: [] });
      }
    });

    it('print each tailored marker from one template only', () => {
      const conditional = ['bail', 'releasedUnderInvestigation', 'charged', 'remanded', 'children', 'section47',
        'childrenUnder5', 'children5to11', 'teenagers', 'supportForChildren', 'worksWithChildren', 'lado',
        'wordPossession', 'wordMaking', 'wordDistributing', 'wordTaking', 'categories', 'maximumTen', 'maximumFive',
        'otherOffence'] as const;
      const all = templates();
      for (const name of conditional) {
        const marker = SECTION_MARKERS[name];
        const inFiles = all.filter(({ source }) => source.replace(/\s+/g, ' ').includes(marker)).map((t) => t.file);
        expect({ name, inFiles: inFiles.length }).toEqual({ name, inFiles: 1 });
      }
    });
  });
});

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WEB_TEMPLATES_DIR } from '../web-paths';
import { HandlebarsViewRenderer, templateFiles } from './view-renderer';

function templatesIn(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'web-templates-'));
  for (const [name, source] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), source);
  }
  return dir;
}

describe('HandlebarsViewRenderer', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const renderer = (files: Record<string, string>) => {
    const dir = templatesIn({ 'partials/.keep.hbs': '', ...files });
    dirs.push(dir);
    return new HandlebarsViewRenderer(dir);
  };

  it('compiles every template of the service at start-up', () => {
    const names = new HandlebarsViewRenderer().viewNames;
    expect(names).toEqual(expect.arrayContaining(['sign-in', 'home', 'error', 'cases/show', 'cases/new', 'cases/edit', 'admin/officers']));
  });

  it('wraps pages in the layout and escapes what it is given', () => {
    const views = renderer({
      'layout.hbs': '<main>{{> @partial-block}}</main>',
      'pages/case.hbs': '{{#> layout}}<h1>{{reference}}</h1>{{/layout}}',
    });
    expect(views.render('case', { reference: '<img src=x onerror=alert(1)>' })).toBe('<main><h1>&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;</h1></main>');
  });

  it('throws on a field the model does not have (strict mode) rather than rendering a blank', () => {
    const views = renderer({ 'layout.hbs': '{{> @partial-block}}', 'pages/case.hbs': '{{#> layout}}{{refrence}}{{/layout}}' });
    expect(() => views.render('case', { reference: 'NOR/1' })).toThrow(/"refrence" not defined/);
  });

  it('never reads inherited properties of the model', () => {
    const views = renderer({ 'layout.hbs': '{{> @partial-block}}', 'pages/case.hbs': '{{#> layout}}[{{#with model}}{{constructor.name}}{{/with}}]{{/layout}}' });
    expect(() => views.render('case', { model: {} })).toThrow();
  });

  it('refuses to start with a broken template, naming the file', () => {
    expect(() => renderer({ 'layout.hbs': '{{> @partial-block}}', 'pages/broken.hbs': '{{#if}}' })).toThrow(/pages\/broken\.hbs/);
  });

  it('names an unknown page', () => {
    const views = renderer({ 'layout.hbs': '{{> @partial-block}}', 'pages/somewhere.hbs': '' });
    expect(() => views.render('nowhere', {})).toThrow('There is no page template "nowhere"');
  });

  it('has no triple-stash anywhere in templates/web: case data is always escaped', () => {
    const files = [
      ...templateFiles(join(WEB_TEMPLATES_DIR, 'pages')),
      ...templateFiles(join(WEB_TEMPLATES_DIR, 'partials')),
      ['layout', join(WEB_TEMPLATES_DIR, 'layout.hbs')] as [string, string],
    ];
    expect(files.length).toBeGreaterThan(10);
    for (const [, file] of files) expect(readFileSync(file, 'utf8')).not.toMatch(/\{\{\{|\{\{&/);
  });
});

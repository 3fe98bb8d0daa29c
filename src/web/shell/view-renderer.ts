import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Handlebars from 'handlebars';
import { WEB_TEMPLATES_DIR } from '../web-paths';

/** Turns a page name and a plain model into HTML. Behind this small interface so tests can swap it. */
export abstract class ViewRenderer {
  abstract render(view: string, model: object): string;
}

type CompileOptions = NonNullable<Parameters<typeof Handlebars.compile>[1]>;
const COMPILE_OPTIONS: CompileOptions = { strict: true, noEscape: false, preventIndent: true };
// Prototype properties and methods stay unreachable from templates: Handlebars' own default since
// 4.6, never overridden here.
const RUNTIME_OPTIONS: Handlebars.RuntimeOptions = {};

/**
 * Compiles every template under templates/web once, at start-up, on a Handlebars instance of its
 * own in strict mode: a misspelt field is an error in a test, not a blank on an officer's screen.
 * Pages wrap themselves in the `layout` partial ({{#> layout}}…{{/layout}}), so no template ever
 * needs a triple-stash to insert HTML.
 */
export class HandlebarsViewRenderer extends ViewRenderer {
  private readonly pages = new Map<string, Handlebars.TemplateDelegate>();

  constructor(dir: string = WEB_TEMPLATES_DIR) {
    super();
    const handlebars = Handlebars.create();
    const compile = (file: string) => {
      const source = readFileSync(file, 'utf8');
      try {
        // compile() is lazy; precompiling makes a broken template fail at start-up.
        handlebars.precompile(source, COMPILE_OPTIONS);
      } catch (error) {
        throw new Error(`${relative(dir, file)}: ${(error as Error).message}`);
      }
      return handlebars.compile(source, COMPILE_OPTIONS);
    };
    handlebars.registerPartial('layout', compile(join(dir, 'layout.hbs')));
    for (const [name, file] of templateFiles(join(dir, 'partials'))) handlebars.registerPartial(name, compile(file));
    for (const [name, file] of templateFiles(join(dir, 'pages'))) this.pages.set(name, compile(file));
  }

  render(view: string, model: object): string {
    const template = this.pages.get(view);
    if (!template) throw new Error(`There is no page template "${view}"`);
    return template(model, RUNTIME_OPTIONS);
  }

  get viewNames(): string[] {
    return [...this.pages.keys()].sort();
  }
}

/** `name → file` for every .hbs under dir, named by relative path without extension (`cases/show`). */
export function templateFiles(dir: string): [string, string][] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.hbs'))
    .map((entry) => {
      const file = join(entry.parentPath, entry.name);
      return [relative(dir, file).replace(/\.hbs$/, '').split('\\').join('/'), file] as [string, string];
    })
    .sort(([a], [b]) => a.localeCompare(b));
}

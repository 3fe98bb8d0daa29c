import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import Handlebars from 'handlebars';
import type { HandbookInput } from './handbook-input';
import { buildHandbookView } from './handbook-view';
import { LEGAL_FACTS, type LegalFacts } from './legal-facts';

export const DEFAULT_TEMPLATES_DIR = resolve(process.cwd(), 'templates/handbook');

export interface ComposedHandbook {
  html: string;
  /** sha256 of `html`, hex: anything that changes what is printed changes this. */
  contentHash: string;
}

export interface HandbookComposerOptions {
  templatesDir?: string;
  facts?: LegalFacts;
}

/**
 * Turns a HandbookInput into the exact HTML that is printed. Templates are read and compiled
 * once, on an isolated Handlebars instance in strict mode, so a missing field is an error at
 * print time rather than a blank on the family's page.
 */
export class HandbookComposer {
  private readonly layout: Handlebars.TemplateDelegate;
  private readonly facts: LegalFacts;

  constructor(options: HandbookComposerOptions = {}) {
    const dir = options.templatesDir ?? DEFAULT_TEMPLATES_DIR;
    this.facts = options.facts ?? LEGAL_FACTS;
    const handlebars = Handlebars.create();
    const compileOptions: CompileOptions = { strict: true, noEscape: false, preventIndent: true };
    const files = readdirSync(dir).filter((file) => file.endsWith('.hbs'));
    if (!files.includes('layout.hbs')) throw new Error(`${dir}/layout.hbs is missing`);
    const compile = (file: string) => {
      const source = readFileSync(join(dir, file), 'utf8');
      // Handlebars compiles lazily; precompiling here makes a broken template fail at start-up
      // rather than on a family's doorstep.
      try {
        handlebars.precompile(source, compileOptions);
      } catch (error) {
        throw new Error(`templates/handbook/${file}: ${(error as Error).message}`);
      }
      return handlebars.compile(source, compileOptions);
    };
    for (const file of files) {
      if (file !== 'layout.hbs') handlebars.registerPartial(basename(file, '.hbs'), compile(file));
    }
    this.layout = compile('layout.hbs');
  }

  compose(input: HandbookInput): ComposedHandbook {
    const view = buildHandbookView(input, this.facts);
    // Prototype access stays off (Handlebars' default since 4.6; never switched on here).
    const html = this.layout(view);
    return { html, contentHash: sha256(html) };
  }
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

type CompileOptions = Parameters<typeof Handlebars.compile>[1];

import { readFileSync } from 'fs';
import { resolve } from 'path';
import { ExtraHolidays, parseExtraHolidays } from './bank-holidays';

/** Resolves to `data/bank-holidays-extra.json` from both `src/rules` and `dist/rules`. */
export const DEFAULT_EXTRA_HOLIDAYS_FILE = resolve(__dirname, '..', '..', 'data', 'bank-holidays-extra.json');

/** Reads a force's one-off bank-holiday changes; throws naming the file and every problem in it. */
export function loadExtraHolidays(path: string = DEFAULT_EXTRA_HOLIDAYS_FILE): ExtraHolidays {
  const text = readFileSync(path, 'utf8');
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  try {
    return parseExtraHolidays(document);
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
}

export * from './dates';
export * from './vocabulary';
export * from './bank-holidays';
export { DEFAULT_EXTRA_HOLIDAYS_FILE, loadExtraHolidays } from './load-extra-holidays';
export * from './working-days';
export * from './settings';
export * from './risk';
export * from './schedule';
export * from './impartiality';

import { Provider } from '@nestjs/common';
import { WorkingDayCalendar, createWorkingDayCalendar, loadExtraHolidays } from '../rules';

/**
 * One England & Wales calendar for the whole app, with the one-off holidays of
 * data/bank-holidays-extra.json read once at start-up (a malformed file stops the start).
 */
export const workingDayCalendarProvider: Provider = {
  provide: WorkingDayCalendar,
  useFactory: () => createWorkingDayCalendar(loadExtraHolidays()),
};

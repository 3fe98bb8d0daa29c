import { dateTimeValues, formInstant, londonInstant, parseTime } from './date-time';

describe('date and time fields', () => {
  it.each([
    ['14:30', '14:30'],
    ['9:05', '09:05'],
    ['9.05', '09:05'],
    ['0930', '09:30'],
    [' 23:59 ', '23:59'],
    ['24:00', null],
    ['12:60', null],
    ['noon', null],
    ['', null],
  ])('reads the time %j as %j', (text, time) => {
    expect(parseTime(text)).toBe(time);
  });

  it.each([
    ['a winter afternoon (GMT)', '2026-01-15', '14:30', '2026-01-15T14:30:00.000Z'],
    ['a summer morning (BST)', '2026-07-01', '09:00', '2026-07-01T08:00:00.000Z'],
    ['just after midnight in BST, still the day before in UTC', '2026-07-01', '00:30', '2026-06-30T23:30:00.000Z'],
    ['the hour the clocks go back happens twice: the first (BST) is taken', '2026-10-25', '01:30', '2026-10-25T00:30:00.000Z'],
    ['the hour the clocks go forward never happens: read as GMT', '2026-03-29', '01:30', '2026-03-29T01:30:00.000Z'],
  ])('turns London wall time into an instant: %s', (_case, date, time, instant) => {
    expect(londonInstant(date, time)).toBe(instant);
  });

  it('shows a stored instant as London date and time fields', () => {
    expect(dateTimeValues('occurredAt', new Date('2026-06-30T23:30:00Z'))).toEqual({
      'occurredAt.day': '1',
      'occurredAt.month': '7',
      'occurredAt.year': '2026',
      'occurredAt.time': '00:30',
    });
  });

  it('reports a missing or bad time on the time field, and passes a bad date on for the DTO to word', () => {
    const body = (fields: Record<string, string>) => ({ 'when.day': '10', 'when.month': '3', 'when.year': '2026', 'when.time': '09:15', ...fields });
    expect(formInstant(body({}), 'when')).toEqual({ value: '2026-03-10T09:15:00.000Z', timeProblem: null });
    expect(formInstant(body({ 'when.time': '' }), 'when')).toEqual({ value: '2026-03-10T00:00:00Z', timeProblem: 'Enter the time' });
    expect(formInstant(body({ 'when.time': '9pm' }), 'when').timeProblem).toBe('Enter a real time using the 24-hour clock, for example 14:30');
    expect(formInstant(body({ 'when.day': 'x' }), 'when').value).toBe('2026-03-x');
    expect(formInstant({}, 'when')).toEqual({ value: undefined, timeProblem: null });
  });
});

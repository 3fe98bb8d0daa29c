import { buildHandbookInput } from '../../test/handbook/handbook-input.factory';
import { buildHandbookView, formatLongDate, frequencyText, HandbookInputError, tailoringFor } from './handbook-view';

describe('dates and how often, in words', () => {
  it('writes a date the way a letter would', () => {
    expect(formatLongDate('2025-08-26')).toBe('Tuesday 26 August 2025');
    expect(formatLongDate('2026-01-01')).toBe('Thursday 1 January 2026');
  });

  it('refuses a date that does not exist rather than print a different one', () => {
    expect(() => formatLongDate('2026-02-30')).toThrow(HandbookInputError);
    expect(() => formatLongDate('26/08/2025')).toThrow(HandbookInputError);
  });

  it.each([
    [1, 'every day'],
    [7, 'every week'],
    [14, 'every 2 weeks'],
    [10, 'every 10 days'],
    [28, 'every 4 weeks'],
  ])('an update every %i days reads "%s"', (days, text) => {
    expect(frequencyText(days)).toBe(text);
  });
});

describe('the contact card', () => {
  it('gives the booked date of the next update', () => {
    const view = buildHandbookView(buildHandbookInput({ nextUpdateDate: '2026-11-25' }));
    expect(view.nextUpdate).toBe('Wednesday 25 November 2026');
  });

  it('printed before a planned warrant, promises contact within one working day of the arrest', () => {
    const view = buildHandbookView(
      buildHandbookInput({ suspectStatus: 'not_arrested', arrestDate: null, nextUpdateDate: null }),
    );
    expect(view.nextUpdate).toBe('Within one working day of the arrest');
  });

  it('printed at the door while the person is in custody, says the same', () => {
    const view = buildHandbookView(buildHandbookInput({ suspectStatus: 'in_custody', nextUpdateDate: null }));
    expect(view.nextUpdate).toBe('Within one working day of the arrest');
  });

  it('later in the case, without a booked date, does not promise an arrest-day timescale', () => {
    const view = buildHandbookView(buildHandbookInput({ suspectStatus: 'charged', nextUpdateDate: null }));
    expect(view.nextUpdate).not.toMatch(/arrest/);
  });

  it('mentions another language only when the family asked for one', () => {
    expect(buildHandbookView(buildHandbookInput({ preferredLanguage: 'English' })).language.show).toBe(false);
    expect(buildHandbookView(buildHandbookInput({ preferredLanguage: 'Polish' })).language).toEqual({
      show: true,
      name: 'Polish',
    });
  });
});

describe('tailoring', () => {
  it('a household without children gets no children section, whatever the age counts say', () => {
    const tailoring = tailoringFor(
      buildHandbookInput({ childrenAtHome: false, childrenAgeBands: { under5: 1, age5to11: 0, age12to17: 0 } }),
    );
    expect(tailoring.children).toEqual({ show: false, under5: false, age5to11: false, age12to17: false });
  });

  it('advice on talking to children is given only for the age bands present', () => {
    const tailoring = tailoringFor(
      buildHandbookInput({ childrenAtHome: true, childrenAgeBands: { under5: 0, age5to11: 2, age12to17: 1 } }),
    );
    expect(tailoring.children).toEqual({ show: true, under5: false, age5to11: true, age12to17: true });
  });

  it('children at home with no ages recorded get all three kinds of advice rather than none', () => {
    const tailoring = tailoringFor(
      buildHandbookInput({ childrenAtHome: true, childrenAgeBands: { under5: 0, age5to11: 0, age12to17: 0 } }),
    );
    expect(tailoring.children).toEqual({ show: true, under5: true, age5to11: true, age12to17: true });
  });

  it.each([
    ['bail_with_conditions', { bail: true, releasedUnderInvestigation: false, charged: false, remanded: false }],
    ['released_under_investigation', { bail: false, releasedUnderInvestigation: true, charged: false, remanded: false }],
    ['charged', { bail: false, releasedUnderInvestigation: false, charged: true, remanded: false }],
    ['remanded', { bail: false, releasedUnderInvestigation: false, charged: true, remanded: true }],
    ['in_custody', { bail: false, releasedUnderInvestigation: false, charged: false, remanded: false }],
    ['not_arrested', { bail: false, releasedUnderInvestigation: false, charged: false, remanded: false }],
  ] as const)('suspect %s gets only the matching status section', (suspectStatus, status) => {
    expect(tailoringFor(buildHandbookInput({ suspectStatus })).status).toEqual(status);
  });

  it('possession explains possession and categories, not making or distributing', () => {
    const words = tailoringFor(buildHandbookInput({ offenceType: 'iioc_possession' })).words;
    expect(words).toMatchObject({ possession: true, categories: true, making: false, distributing: false, maximumFive: true, maximumTen: false });
  });

  it('distribution explains distributing, and making, which sharing a saved image involves', () => {
    const words = tailoringFor(buildHandbookInput({ offenceType: 'iioc_distribution' })).words;
    expect(words).toMatchObject({ possession: true, making: true, distributing: true, taking: false, maximumTen: true });
  });

  it('an offence that is not about images gets no image words or categories', () => {
    const words = tailoringFor(buildHandbookInput({ offenceType: 'sexual_communication' })).words;
    expect(words).toMatchObject({ imageOffence: false, possession: false, categories: false, otherOffence: true });
  });
});

describe('input checks', () => {
  it.each([
    ['an unknown status', { suspectStatus: 'on_holiday' as never }],
    ['an unknown offence', { offenceType: 'burglary' as never }],
    ['an update frequency of 0 days', { updateFrequencyDays: 0 }],
    ['an update frequency over 8 weeks', { updateFrequencyDays: 57 }],
    ['a negative child count', { childrenAgeBands: { under5: -1, age5to11: 0, age12to17: 0 } }],
    ['an impossible next-update date', { nextUpdateDate: '2026-13-01' }],
  ])('refuses %s', (_, overrides) => {
    expect(() => buildHandbookView(buildHandbookInput(overrides))).toThrow(HandbookInputError);
  });
});

describe('phone numbers', () => {
  it('never break across two lines: their spaces are no-break spaces', () => {
    const view = buildHandbookView(buildHandbookInput());
    expect(view.officer.workPhone).toBe('01632\u00a0960\u00a0123');
    expect(view.lines.samaritans.contact.phone).toBe('116\u00a0123');
    expect(view.lines.shout.contact.text).toEqual({ number: '85258', message: 'SHOUT' });
  });
});

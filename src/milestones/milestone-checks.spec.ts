import { milestoneProblems } from './milestone-checks';

describe('milestoneProblems', () => {
  const today = '2026-03-10';

  it('accepts an expected milestone with or without a date', () => {
    expect(milestoneProblems({ status: 'expected', expectedDate: '2026-04-01', doneDate: null }, today)).toEqual([]);
    expect(milestoneProblems({ status: 'expected', expectedDate: null, doneDate: null }, today)).toEqual([]);
  });

  it('accepts a milestone done today or earlier', () => {
    expect(milestoneProblems({ status: 'done', expectedDate: null, doneDate: today }, today)).toEqual([]);
    expect(milestoneProblems({ status: 'done', expectedDate: '2026-03-01', doneDate: '2026-03-02' }, today)).toEqual([]);
  });

  it.each([
    ['done without a done date', { status: 'done' as const, expectedDate: null, doneDate: null }],
    ['a done date on a milestone not done', { status: 'delayed' as const, expectedDate: null, doneDate: '2026-03-01' }],
    ['done tomorrow', { status: 'done' as const, expectedDate: null, doneDate: '2026-03-11' }],
  ])('refuses %s, naming doneDate', (_name, milestone) => {
    expect(milestoneProblems(milestone, today).map((p) => p.field)).toEqual(['doneDate']);
  });
});

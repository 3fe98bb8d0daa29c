import { canSeeCase } from './case-visibility';

const kase = { teamId: 'north', liaisonOfficerId: 'o1', deputyOfficerId: 'o2' };

describe('canSeeCase', () => {
  it.each([
    ['the liaison officer', { id: 'o1', role: 'officer', teamId: 'north' }, true],
    ['the deputy', { id: 'o2', role: 'officer', teamId: 'north' }, true],
    ['another officer of the same team', { id: 'o3', role: 'officer', teamId: 'north' }, false],
    ['the team supervisor', { id: 's1', role: 'supervisor', teamId: 'north' }, true],
    ['another team supervisor', { id: 's2', role: 'supervisor', teamId: 'south' }, false],
    ['a supervisor with no team', { id: 's3', role: 'supervisor', teamId: null }, false],
    ['an admin', { id: 'a1', role: 'admin', teamId: 'north' }, false],
  ] as const)('%s → %s', (_who, actor, expected) => {
    expect(canSeeCase(actor, kase)).toBe(expected);
  });
});

import { Actor } from '../auth/actor';
import { namesTeam, supervisorTeam, TeamRefused } from './team-scope';

const north = { id: '6f1c2a52-4a0e-4d53-9d4e-2b1f3c4d5e6f', name: 'North' };

function managerWith(team: typeof north | null) {
  return { findOne: async () => team } as never;
}

function actor(overrides: Partial<Actor> = {}): Actor {
  return { id: 'a', username: 'supervisor1', name: 'Sgt', role: 'supervisor', teamId: north.id, sessionId: 's', ...overrides };
}

describe('team scope of the audit', () => {
  it('reads a team parameter as an id or a name, ignoring case and spaces around a name', () => {
    expect(namesTeam(north.id, north)).toBe(true);
    expect(namesTeam(north.id.toUpperCase(), north)).toBe(true);
    expect(namesTeam(' north ', north)).toBe(true);
    expect(namesTeam('South', north)).toBe(false);
    expect(namesTeam('00000000-0000-4000-8000-000000000000', north)).toBe(false);
  });

  it("gives a supervisor their own team, named or not", async () => {
    await expect(supervisorTeam(managerWith(north), actor(), undefined)).resolves.toEqual({ teamId: north.id, teamName: 'North' });
    await expect(supervisorTeam(managerWith(north), actor(), 'North')).resolves.toEqual({ teamId: north.id, teamName: 'North' });
  });

  it('refuses another team rather than answering with the own team', async () => {
    await expect(supervisorTeam(managerWith(north), actor(), 'South')).rejects.toBeInstanceOf(TeamRefused);
  });

  it('refuses anyone who is not a supervisor of a team', async () => {
    await expect(supervisorTeam(managerWith(north), actor({ role: 'officer' }), undefined)).rejects.toBeInstanceOf(TeamRefused);
    await expect(supervisorTeam(managerWith(north), actor({ role: 'admin', teamId: null }), undefined)).rejects.toBeInstanceOf(TeamRefused);
    await expect(supervisorTeam(managerWith(null), actor({ teamId: null }), undefined)).rejects.toBeInstanceOf(TeamRefused);
  });
});

import { EntityManager } from 'typeorm';
import { Actor } from '../auth/actor';
import { DomainError } from '../common/domain-error';
import { Team } from '../officers/team.entity';

export interface TeamScope {
  teamId: string;
  teamName: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a `team` parameter (an id or a name) names the given team. */
export function namesTeam(requested: string, team: Pick<Team, 'id' | 'name'>): boolean {
  const wanted = requested.trim();
  return UUID.test(wanted) ? wanted.toLowerCase() === team.id.toLowerCase() : wanted.toLowerCase() === team.name.toLowerCase();
}

export class TeamRefused extends DomainError {
  constructor(message: string) {
    super('forbidden', message);
  }
}

/**
 * The team a supervisor's audit covers: always their own, decided here on the server. Naming
 * another team is refused outright (403) rather than quietly answered with the supervisor's own
 * team's figures under the other team's name.
 */
export async function supervisorTeam(manager: EntityManager, actor: Actor, requested: string | undefined): Promise<TeamScope> {
  if (actor.role !== 'supervisor' || !actor.teamId) throw new TeamRefused('Audit reports are for a supervisor of a team');
  const team = await manager.findOne(Team, { where: { id: actor.teamId } });
  if (!team) throw new TeamRefused('Audit reports are for a supervisor of a team');
  if (requested !== undefined && !namesTeam(requested, team)) {
    throw new TeamRefused('Supervisors see their own team only');
  }
  return { teamId: team.id, teamName: team.name };
}

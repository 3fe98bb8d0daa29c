import { Actor } from '../auth/actor';

/**
 * DESIGN "Who sees what": an officer sees the cases they are liaison officer or deputy for, a
 * supervisor their team's cases, an admin no case contents. Everything else is refused.
 */
export function canSeeCase(
  actor: Pick<Actor, 'id' | 'role' | 'teamId'>,
  kase: { teamId: string; liaisonOfficerId: string | null; deputyOfficerId: string | null },
): boolean {
  switch (actor.role) {
    case 'officer':
      return kase.liaisonOfficerId === actor.id || kase.deputyOfficerId === actor.id;
    case 'supervisor':
      return actor.teamId !== null && kase.teamId === actor.teamId;
    default:
      return false;
  }
}

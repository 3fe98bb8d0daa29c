import { SupervisorAlert } from './supervisor-alert.entity';

export interface AlertView {
  id: string;
  kind: SupervisorAlert['kind'];
  caseId: string;
  reference: string;
  teamId: string;
  wellbeingCheckId: string | null;
  reasons: string[];
  raisedAt: Date;
  raisedByOfficerId: string | null;
  acknowledged: boolean;
  acknowledgedAt: Date | null;
  acknowledgedByOfficerId: string | null;
}

export function toAlertView(alert: SupervisorAlert, reference: string): AlertView {
  return {
    id: alert.id,
    kind: alert.kind,
    caseId: alert.caseId,
    reference,
    teamId: alert.teamId,
    wellbeingCheckId: alert.wellbeingCheckId,
    reasons: alert.reasons,
    raisedAt: alert.raisedAt,
    raisedByOfficerId: alert.raisedByOfficerId,
    acknowledged: alert.acknowledgedAt !== null,
    acknowledgedAt: alert.acknowledgedAt,
    acknowledgedByOfficerId: alert.acknowledgedByOfficerId,
  };
}

import type { AuthenticatedRequest } from '../../auth/auth.guard';
import { ROLE_LABELS } from '../labels';
import { csrfTokenFor } from './csrf';
import { NavItem, navigationFor } from './navigation';
import { webSessionToken } from './session-cookie';

export const SERVICE_NAME = 'Family liaison';

/** What the layout needs on every page: who is signed in, the navigation and the form token. */
export interface PageShell {
  serviceName: string;
  user: { name: string; roleLabel: string } | null;
  navigation: NavItem[];
  csrfToken: string | null;
}

export function buildShell(request: AuthenticatedRequest): PageShell {
  const actor = request.actor;
  const session = webSessionToken(request);
  return {
    serviceName: SERVICE_NAME,
    user: actor ? { name: actor.name, roleLabel: ROLE_LABELS[actor.role] } : null,
    navigation: actor ? navigationFor(actor.role, request.path) : [],
    csrfToken: actor && session ? csrfTokenFor(session) : null,
  };
}

/** `Cases – Family liaison`, with `Error: ` in front when the page shows form errors (GOV.UK pattern). */
export function pageTitle(title: string, hasErrors = false): string {
  return `${hasErrors ? 'Error: ' : ''}${title} – ${SERVICE_NAME}`;
}

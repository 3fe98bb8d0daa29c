import { Role } from '../../officers/officer.entity';

export interface NavItem {
  href: string;
  text: string;
  current: boolean;
}

interface NavEntry {
  href: string;
  text: string;
  roles: Role[];
  /** The paths that belong to this section, so it shows as current on its sub-pages too. */
  section: (path: string) => boolean;
}

const under = (prefix: string) => (path: string) => path === prefix || path.startsWith(`${prefix}/`);

/** The service navigation, in order. */
const NAVIGATION: NavEntry[] = [
  { href: '/', text: 'Work list', roles: ['officer', 'supervisor'], section: (path) => path === '/' },
  { href: '/cases', text: 'Cases', roles: ['officer', 'supervisor'], section: under('/cases') },
  { href: '/team', text: 'Team dashboard', roles: ['supervisor'], section: under('/team') },
  { href: '/calendar', text: 'Calendar', roles: ['officer', 'supervisor'], section: under('/calendar') },
  { href: '/admin/officers', text: 'Officers', roles: ['admin'], section: under('/admin/officers') },
  { href: '/admin/teams', text: 'Teams', roles: ['admin'], section: under('/admin/teams') },
  { href: '/admin/settings', text: 'Force settings', roles: ['admin'], section: under('/admin/settings') },
  { href: '/admin/support-directory', text: 'Support directory', roles: ['admin'], section: under('/admin/support-directory') },
];

export function navigationFor(role: Role, path: string): NavItem[] {
  return NAVIGATION.filter((entry) => entry.roles.includes(role)).map((entry) => ({
    href: entry.href,
    text: entry.text,
    current: entry.section(path),
  }));
}

/** Where each role starts after signing in. */
export function homePathFor(role: Role): string {
  return role === 'admin' ? '/admin/officers' : '/';
}

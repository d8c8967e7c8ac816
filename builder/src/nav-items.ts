import type { Permission } from './api/types.ts';
import type { MessageKey } from './i18n/catalog.ts';
import type { Route } from './parse-route.ts';

/**
 * The header's links, in order: each names the screens it is current on and the permission
 * without which it is not offered (a new page adds one line here).
 */
export const navItems: {
  href: string;
  label: MessageKey;
  screens: Route['screen'][];
  permission: Permission;
}[] = [
  { href: '#/flows', label: 'flows.title', screens: ['flows', 'editor'], permission: 'flows:read' },
  { href: '#/dashboard', label: 'app.dashboard', screens: ['dashboard'], permission: 'reports:read' },
  { href: '#/runs', label: 'app.runs', screens: ['runs', 'run'], permission: 'runs:read' },
  { href: '#/calls', label: 'app.calls', screens: ['calls', 'call'], permission: 'calls:read' },
  { href: '#/recordings', label: 'app.recordings', screens: ['recordings'], permission: 'recordings:read' },
  {
    href: '#/contacts',
    label: 'app.contacts',
    screens: ['contacts', 'contact', 'contact-import'],
    permission: 'contacts:read',
  },
  { href: '#/templates', label: 'app.templates', screens: ['templates'], permission: 'templates:read' },
  { href: '#/segments', label: 'app.segments', screens: ['segments'], permission: 'contacts:read' },
  { href: '#/campaigns', label: 'app.campaigns', screens: ['campaigns'], permission: 'campaigns:read' },
  {
    href: '#/reports',
    label: 'app.reports',
    // Scheduled reports are reached from the Reports page, so that tab stays current there.
    screens: ['reports', 'report-schedules'],
    permission: 'reports:read',
  },
  { href: '#/phone', label: 'app.phone', screens: ['phone'], permission: 'sandbox:use' },
  { href: '#/mail', label: 'app.mail', screens: ['mail'], permission: 'sandbox:use' },
  { href: '#/people', label: 'people.nav', screens: ['people'], permission: 'users:manage' },
  { href: '#/settings', label: 'app.settings', screens: ['settings'], permission: 'settings:read' },
  { href: '#/audit', label: 'app.audit', screens: ['audit'], permission: 'audit:read' },
  { href: '#/webhooks', label: 'app.webhooks', screens: ['webhooks'], permission: 'webhooks:manage' },
  { href: '#/backups', label: 'app.backups', screens: ['backups'], permission: 'backups:manage' },
];

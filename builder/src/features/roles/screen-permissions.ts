import type { Permission } from '../../api/types.ts';
import type { Route } from '../../parse-route.ts';

/** The permission each screen needs to be any use (mirrors runtime/src/api/route-permissions.ts). */
export const screenPermissions: Record<Route['screen'], Permission> = {
  flows: 'flows:read',
  editor: 'flows:read',
  runs: 'runs:read',
  run: 'runs:read',
  settings: 'settings:read',
  phone: 'sandbox:use',
  mail: 'sandbox:use',
  calls: 'calls:read',
  call: 'calls:read',
  recordings: 'recordings:read',
  templates: 'templates:read',
  contacts: 'contacts:read',
  contact: 'contacts:read',
  segments: 'contacts:read',
  'contact-import': 'imports:manage',
  campaigns: 'campaigns:read',
  people: 'users:manage',
  audit: 'audit:read',
  dashboard: 'reports:read',
  reports: 'reports:read',
  webhooks: 'webhooks:manage',
  backups: 'backups:manage',
  'report-schedules': 'reports:manage',
  // Every role holds settings:read: a person's own account, and the mail links (answered before sign-in).
  account: 'settings:read',
  invitation: 'settings:read',
  'password-reset': 'settings:read',
};

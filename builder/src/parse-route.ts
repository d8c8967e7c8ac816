/** A screen of the app and what it is about, read from the hash route (`/flows/<id>/runs?…`). */
export type Route =
  | { screen: 'flows' }
  | { screen: 'editor'; flowId: string }
  | { screen: 'runs'; flowId: string | null; query: URLSearchParams }
  | { screen: 'run'; runId: string }
  | { screen: 'settings' }
  | { screen: 'webhooks' }
  | { screen: 'backups' }
  | { screen: 'report-schedules' }
  | { screen: 'phone' }
  | { screen: 'mail' }
  | { screen: 'calls'; query: URLSearchParams }
  | { screen: 'call'; callId: string }
  | { screen: 'recordings'; query: URLSearchParams }
  | { screen: 'templates'; name?: string }
  | { screen: 'contacts'; query: URLSearchParams }
  | { screen: 'contact'; contactId: string }
  | { screen: 'segments' }
  | { screen: 'contact-import' }
  | { screen: 'campaigns'; campaignId?: string; editing?: boolean }
  | { screen: 'people' }
  | { screen: 'account' }
  | { screen: 'invitation' | 'password-reset'; token: string }
  | { screen: 'audit' }
  | { screen: 'dashboard' }
  | { screen: 'reports' };

/** Unknown paths open the flow list, as an empty hash does. */
export function parseRoute(route: string): Route {
  const [path = '', search = ''] = route.split('?', 2);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const query = new URLSearchParams(search);
  const [first, id, sub] = parts;
  if (first === 'runs' && parts.length === 1) return { screen: 'runs', flowId: null, query };
  if (first === 'runs' && id && parts.length === 2) return { screen: 'run', runId: id };
  if (first === 'flows' && id && sub === 'runs' && parts.length === 3)
    return { screen: 'runs', flowId: id, query };
  if (first === 'flows' && id && parts.length === 2) return { screen: 'editor', flowId: id };
  if (first === 'settings' && parts.length === 1) return { screen: 'settings' };
  if (first === 'webhooks' && parts.length === 1) return { screen: 'webhooks' };
  if (first === 'backups' && parts.length === 1) return { screen: 'backups' };
  if (first === 'report-schedules' && parts.length === 1) return { screen: 'report-schedules' };
  if (first === 'phone' && parts.length === 1) return { screen: 'phone' };
  if (first === 'mail' && parts.length === 1) return { screen: 'mail' };
  if (first === 'calls' && parts.length === 1) return { screen: 'calls', query };
  if (first === 'calls' && id && parts.length === 2) return { screen: 'call', callId: id };
  if (first === 'recordings' && parts.length === 1) return { screen: 'recordings', query };
  if (first === 'templates' && parts.length === 1) return { screen: 'templates' };
  if (first === 'templates' && id && parts.length === 2) return { screen: 'templates', name: id };
  if (first === 'contacts' && parts.length === 1) return { screen: 'contacts', query };
  if (first === 'contacts' && id === 'import' && parts.length === 2) return { screen: 'contact-import' };
  if (first === 'contacts' && id && parts.length === 2) return { screen: 'contact', contactId: id };
  if (first === 'segments' && parts.length === 1) return { screen: 'segments' };
  if (first === 'audit' && parts.length === 1) return { screen: 'audit' };
  if (first === 'dashboard' && parts.length === 1) return { screen: 'dashboard' };
  if (first === 'reports' && parts.length === 1) return { screen: 'reports' };
  if (first === 'campaigns' && parts.length === 1) return { screen: 'campaigns' };
  if (first === 'campaigns' && id && parts.length === 2) return { screen: 'campaigns', campaignId: id };
  if (first === 'campaigns' && id && sub === 'edit' && parts.length === 3)
    return { screen: 'campaigns', campaignId: id, editing: true };
  if ((first === 'people' || first === 'account') && parts.length === 1) return { screen: first };
  if ((first === 'invitation' || first === 'password-reset') && id && parts.length === 2)
    return { screen: first, token: id };
  return { screen: 'flows' };
}

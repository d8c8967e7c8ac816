import type { Permission } from '../auth/permissions.ts';

/**
 * What a route needs: `public` (no caller: webhooks check their own signatures, web chat its
 * widget key, mail links their signature), `signed-in` (any caller, whatever the role), `person`
 * (a person signed in, whatever the role: their own account and workspaces are no API key's or
 * OAuth token's business), or one permission of the matrix (auth/permissions.ts).
 */
export type RouteAccess = 'public' | 'signed-in' | 'person' | Permission;

/**
 * EVERY route of the API, by method and OpenAPI path (relative to /api/v1; Hono's `:id` is
 * `{id}` here), and what it needs. The check (check-permission.ts) runs after sign-in on every
 * route; a route missing here is refused to everyone, and runtime/test/role-route-matrix.test.ts
 * fails for it. Rules that depend on the data (whose key, whose session) stay in the route and are
 * marked so below.
 */
export const routePermissions = {
  // Public: callers with no account. Each checks its own proof (signature, widget key, link).
  'GET /health': 'public',
  'POST /auth/login': 'public',
  'POST /auth/logout': 'public',
  'GET /openapi.json': 'public',
  'GET /webhooks/whatsapp': 'public',
  'POST /webhooks/whatsapp': 'public',
  'GET /webhooks/twilio/{workspaceId}/voice': 'public',
  'POST /webhooks/twilio/{workspaceId}/voice': 'public',
  'GET /webhooks/twilio/{workspaceId}/voice/*': 'public',
  'POST /webhooks/twilio/{workspaceId}/voice/*': 'public',
  'POST /webhooks/twilio/{workspaceId}/{kind}': 'public',
  'POST /webchat/sessions': 'public',
  'POST /webchat/messages': 'public',
  'GET /webchat/events': 'public',
  'GET /webchat/socket': 'public',
  'GET /email-links/open/{messageId}/{signature}': 'public',
  'GET /email-links/click/{messageId}/{signature}': 'public',
  'GET /email-links/unsubscribe/{messageId}/{signature}': 'public',
  'POST /email-links/unsubscribe/{messageId}/{signature}': 'public',
  // A flow's webhook: the trigger's own auth (none, an API key, or an HMAC signature) is its check.
  'GET /hooks/{workspaceId}/*': 'public',
  'GET /hooks/test/{flowId}/*': 'public',
  'POST /hooks/{workspaceId}/*': 'public',
  'POST /hooks/test/{flowId}/*': 'public',
  'PUT /hooks/{workspaceId}/*': 'public',
  'PUT /hooks/test/{flowId}/*': 'public',
  'PATCH /hooks/{workspaceId}/*': 'public',
  'PATCH /hooks/test/{flowId}/*': 'public',
  'DELETE /hooks/{workspaceId}/*': 'public',
  'DELETE /hooks/test/{flowId}/*': 'public',

  'GET /auth/me': 'signed-in',
  // Data-dependent too (routes/api-keys.ts): a key is never above its maker, and only
  // `api-keys:manage` sees or revokes other people's keys.
  'POST /api-keys': 'api-keys:own',
  'GET /api-keys': 'api-keys:own',
  'DELETE /api-keys/{id}': 'api-keys:own',

  'GET /workspace/settings': 'settings:read',
  'PUT /workspace/settings': 'settings:manage',
  'GET /workspace/default-country': 'settings:read',
  'PUT /workspace/default-country': 'settings:manage',
  'GET /workspace/campaign-settings': 'settings:read',
  'PUT /workspace/campaign-settings': 'settings:manage',
  'GET /workspace/webhook': 'webhooks:manage',
  'PUT /workspace/webhook': 'webhooks:manage',
  'DELETE /workspace/webhook': 'webhooks:manage',
  'GET /workspace/ai-provider': 'settings:read',
  'PUT /workspace/ai-provider': 'settings:manage',
  'DELETE /workspace/ai-provider': 'settings:manage',
  'GET /workspace/webchat-embed': 'channels:read',
  'GET /channels/sandbox': 'settings:read',
  'GET /channels': 'channels:manage',
  'PUT /channels/{channel}': 'channels:manage',
  'DELETE /channels/{channel}': 'channels:manage',
  'POST /channels/{channel}/test': 'channels:manage',
  'GET /mail/domains': 'settings:read',
  'PUT /mail/domains': 'channels:manage',
  'GET /mail/mailboxes': 'channels:manage',
  'POST /mail/mailboxes': 'channels:manage',
  'POST /mail/mailboxes/test': 'channels:manage',
  'PATCH /mail/mailboxes/{id}': 'channels:manage',
  'DELETE /mail/mailboxes/{id}': 'channels:manage',
  'GET /dkim-keys': 'channels:manage',
  'PUT /dkim-keys/{domain}': 'channels:manage',
  'DELETE /dkim-keys/{domain}': 'channels:manage',
  'GET /email/deliverability/domains': 'channels:read',
  'GET /email/deliverability': 'channels:read',

  'GET /nodes': 'flows:read',
  'GET /flows': 'flows:read',
  'GET /flows/{id}': 'flows:read',
  'GET /flows/{id}/versions': 'flows:read',
  'GET /flows/{id}/versions/{version}': 'flows:read',
  'GET /flows/{id}/inflight': 'flows:read',
  'GET /flows/{id}/analytics': 'reports:read',
  'GET /flow-templates': 'flows:read',
  'POST /flows': 'flows:edit',
  'PUT /flows/{id}': 'flows:edit',
  'DELETE /flows/{id}': 'flows:edit',
  'POST /flows/{id}/validate': 'flows:edit',
  'POST /flow-templates/{id}/flows': 'flows:edit',
  'POST /flows/{id}/publish': 'flows:publish',
  'GET /flows/{id}/hook': 'flows:read',
  'POST /flows/{id}/hook/secret': 'flows:publish',
  'POST /flows/{id}/what-if': 'flows:publish',

  'POST /flows/{id}/test-runs': 'sandbox:use',
  'POST /runs/{id}/skip-wait': 'sandbox:use',
  'POST /sandbox/messages': 'sandbox:use',
  'GET /mail-catcher/mails': 'sandbox:use',
  'GET /mail-catcher/mails/{id}': 'sandbox:use',
  'GET /mail-catcher/mails/{id}/raw': 'sandbox:use',
  'DELETE /mail-catcher/mails/{id}': 'sandbox:use',
  'DELETE /mail-catcher/mails': 'sandbox:use',
  'POST /mail-catcher/inbound': 'sandbox:use',
  // Only with a browser phone host; also refused to API keys in the route (a person's browser).
  'GET /phone/sip': 'sandbox:use',

  'GET /runs': 'runs:read',
  'GET /runs/counts': 'runs:read',
  'GET /runs/{id}': 'runs:read',
  'GET /runs/{id}/stream': 'runs:read',
  'GET /dashboard/live': 'reports:read',
  'GET /dashboard/live/stream': 'reports:read',
  'GET /runs/bulk': 'runs:read',
  'GET /runs/bulk/{id}': 'runs:read',
  'POST /runs': 'runs:start',
  'POST /runs/{id}/events': 'runs:start',
  'POST /runs/{id}/cancel': 'runs:operate',
  'POST /runs/{id}/replay': 'runs:operate',
  'POST /runs/bulk/preview': 'runs:operate',
  'POST /runs/bulk': 'runs:operate',

  'GET /messages': 'messages:read',
  'GET /messages/{id}': 'messages:read',
  'POST /messages': 'messages:send',
  'GET /conversations': 'conversations:read',
  'POST /conversations/{id}/messages': 'conversations:reply',
  'POST /conversations/{id}/close': 'conversations:reply',

  'GET /calls': 'calls:read',
  'GET /calls/volume': 'calls:read',
  'GET /calls/{id}': 'calls:read',
  'GET /reports': 'reports:read',
  'GET /reports/{name}': 'reports:read',
  'GET /recordings': 'recordings:read',
  'GET /recordings/count': 'recordings:read',
  'GET /recordings/usage': 'recordings:read',
  'GET /recordings/{id}': 'recordings:read',
  'GET /recordings/{id}/audio': 'recordings:read',
  'PUT /recordings/quota': 'recordings:manage',
  'POST /recordings/delete': 'recordings:manage',
  'DELETE /recordings/{id}': 'recordings:manage',

  'GET /templates': 'templates:read',
  'GET /templates/{id}': 'templates:read',
  'GET /templates/{id}/usage': 'templates:read',
  'POST /templates/preview': 'templates:read',
  'GET /templates/preview-contacts': 'contacts:read',
  'POST /templates': 'templates:manage',
  'PUT /templates/{id}': 'templates:manage',
  'DELETE /templates/{id}': 'templates:manage',
  'GET /voice-prompts': 'templates:read',
  'GET /voice-prompts/{id}/audio': 'templates:read',
  'POST /voice-prompts': 'voice-prompts:manage',
  'PATCH /voice-prompts/{id}': 'voice-prompts:manage',
  'DELETE /voice-prompts/{id}': 'voice-prompts:manage',

  'GET /contacts': 'contacts:read',
  'GET /contacts/{id}': 'contacts:read',
  // Message bodies and call details of the person: a sensitive read.
  'GET /contacts/{id}/timeline': 'messages:read',
  'POST /contacts': 'contacts:edit',
  'PATCH /contacts/{id}': 'contacts:edit',
  'POST /contacts/{id}/addresses': 'contacts:edit',
  'PATCH /contacts/{id}/addresses/{addressId}': 'contacts:edit',
  'DELETE /contacts/{id}/addresses/{addressId}': 'contacts:edit',
  'DELETE /contacts/{id}': 'contacts:erase',
  'POST /contacts/{id}/merge': 'contacts:erase',
  'GET /contact-fields': 'contacts:read',
  'POST /contact-fields': 'contact-fields:manage',
  'PATCH /contact-fields/{id}': 'contact-fields:manage',
  'DELETE /contact-fields/{id}': 'contact-fields:manage',
  'GET /segments': 'contacts:read',
  'GET /segments/rule-options': 'contacts:read',
  'POST /segments/count': 'contacts:read',
  'POST /segments/preview': 'contacts:read',
  'GET /segments/{id}': 'contacts:read',
  'GET /segments/{id}/count': 'contacts:read',
  'GET /segments/{id}/contacts': 'contacts:read',
  'POST /segments': 'segments:manage',
  'PUT /segments/{id}': 'segments:manage',
  'DELETE /segments/{id}': 'segments:manage',
  'POST /segments/{id}/members': 'segments:manage',
  'POST /segments/{id}/members/remove': 'segments:manage',
  'GET /contact-imports': 'contacts:read',
  'GET /contact-imports/{id}': 'contacts:read',
  // The rows an import refused are people's data as typed in the file.
  'GET /contact-imports/{id}/rejections': 'imports:manage',
  'POST /contact-imports/preview': 'imports:manage',
  'POST /contact-imports': 'imports:manage',

  'GET /campaigns': 'campaigns:read',
  'GET /campaigns/voice-flows': 'campaigns:read',
  'GET /campaigns/{id}': 'campaigns:read',
  'GET /campaigns/{id}/occurrences': 'campaigns:read',
  'GET /campaigns/{id}/stats': 'campaigns:read',
  'POST /campaigns': 'campaigns:manage',
  'PATCH /campaigns/{id}': 'campaigns:manage',
  'DELETE /campaigns/{id}': 'campaigns:manage',
  'POST /campaigns/{id}/start': 'campaigns:manage',
  'POST /campaigns/{id}/pause': 'campaigns:control',
  'POST /campaigns/{id}/resume': 'campaigns:control',
  'POST /campaigns/{id}/cancel': 'campaigns:control',

  'GET /quotas': 'quotas:read',
  'GET /quotas/{channel}/ledger': 'quotas:read',
  'PUT /quotas/{channel}': 'quotas:manage',
  'DELETE /quotas/{channel}': 'quotas:manage',
  'POST /quotas/{channel}/ledger': 'quotas:manage',

  // People (invitations, resets and the sign-in code step are answered before sign-in; each
  // checks its own one-time token).
  'POST /auth/invitations/preview': 'public',
  'POST /auth/invitations/accept': 'public',
  'POST /auth/password-resets/preview': 'public',
  'POST /auth/password-resets/complete': 'public',
  'POST /auth/second-factor': 'public',
  'GET /people': 'users:manage',
  'POST /people/invitations': 'users:manage',
  'DELETE /people/invitations/{id}': 'users:manage',
  'PATCH /people/{id}': 'users:manage',
  'POST /people/{id}/password-reset': 'users:manage',
  'DELETE /people/{id}/sessions': 'users:manage',
  'DELETE /people/{id}/second-factor': 'users:manage',
  // A person's own account, whatever their role.
  'GET /account': 'person',
  'PATCH /account': 'person',
  'POST /account/password': 'person',
  'GET /account/sessions': 'person',
  'DELETE /account/sessions/{id}': 'person',
  'POST /account/second-factor': 'person',
  'POST /account/second-factor/confirm': 'person',
  'DELETE /account/second-factor': 'person',

  // OAuth: the token endpoint checks the client's secret itself.
  'POST /oauth/token': 'public',
  'POST /oauth-clients': 'api-keys:manage',
  'GET /oauth-clients': 'api-keys:manage',
  'DELETE /oauth-clients/{id}': 'api-keys:manage',

  // Workspaces: anyone lists their own; a person switches among theirs (route-checked membership;
  // a key acts in the workspace it was made in).
  'GET /workspaces': 'signed-in',
  'POST /workspaces/{id}/switch': 'person',
  'POST /workspaces': 'workspaces:manage',
  'PATCH /workspaces/{id}': 'workspaces:manage',
  'GET /workspace/members': 'users:manage',
  'POST /workspace/members': 'users:manage',
  'PUT /workspace/members/{userId}': 'users:manage',
  'DELETE /workspace/members/{userId}': 'users:manage',
  'GET /channels/{channel}/numbers': 'channels:manage',
  'POST /channels/{channel}/numbers': 'channels:manage',
  'DELETE /channels/{channel}/numbers/{id}': 'channels:manage',

  'GET /webhook-subscriptions': 'webhooks:manage',
  'POST /webhook-subscriptions': 'webhooks:manage',
  'GET /webhook-subscriptions/{id}': 'webhooks:manage',
  'PATCH /webhook-subscriptions/{id}': 'webhooks:manage',
  'DELETE /webhook-subscriptions/{id}': 'webhooks:manage',
  'GET /webhook-subscriptions/{id}/deliveries': 'webhooks:manage',
  'POST /webhook-subscriptions/{id}/deliveries/{deliveryId}/replay': 'webhooks:manage',

  'GET /audit': 'audit:read',
  'GET /audit/export': 'audit:read',
  'GET /contacts/{id}/export': 'contacts:export',
  'POST /contacts/{id}/erase': 'contacts:erase',

  'GET /report-schedules': 'reports:manage',
  'POST /report-schedules': 'reports:manage',
  'GET /report-schedules/{id}': 'reports:manage',
  'PUT /report-schedules/{id}': 'reports:manage',
  'DELETE /report-schedules/{id}': 'reports:manage',
  'POST /report-schedules/{id}/send': 'reports:manage',
  'GET /report-schedules/{id}/deliveries': 'reports:manage',
  'GET /backups': 'backups:manage',
  'POST /backups': 'backups:manage',
  'GET /backups/jobs/{id}': 'backups:manage',
  'POST /workspace-exports': 'backups:manage',
  'GET /workspace-exports/{id}': 'backups:manage',
  'GET /workspace-exports/{id}/archive': 'backups:manage',
} as const satisfies Record<string, RouteAccess>;

/** Pages outside the API: the app, its docs and the web chat script, served to anyone. */
export const publicPages = [
  'GET /',
  'GET /docs',
  'GET /docs/search.js',
  'GET /docs/*',
  'GET /api/docs',
  'GET /webchat.js',
];

const table: Record<string, RouteAccess> = routePermissions;

/** "GET /api/v1/runs/:id" (Hono's) → "GET /runs/{id}" (the table's and the OpenAPI document's). */
export function routeKey(method: string, honoPath: string): string {
  const path = honoPath.replace(/^\/api\/v1(?=\/)/, '').replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');
  return `${method.toUpperCase()} ${path}`;
}

/**
 * What a route needs (method and OpenAPI path relative to /api/v1, e.g. `permissionFor('GET',
 * '/runs/{id}')`), or undefined for a route the table does not know. HEAD asks what GET needs.
 */
export function permissionFor(method: string, path: string): RouteAccess | undefined {
  const verb = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  return table[`${verb} ${path}`];
}

/**
 * What the audit log records for each route of the API, keyed `METHOD path` as Hono lists them
 * (`app.routes`). Every route that writes must be here, audited or not-audited with the reason
 * (runtime/test/audit-route-coverage.test.ts fails otherwise); a GET is recorded only when listed.
 *
 * Adding a route: add a line. `resource` names a loader in audit-resources.ts (which gives the
 * before/after); `id` says where the resource's id is: a path parameter (default `id`), the
 * workspace itself, the caller (`self`: their own account), or the `id` of the JSON the route
 * answered (creations).
 */
export interface AuditedRoute {
  action: string;
  resource: string;
  id?: { param: string } | 'workspace' | 'response' | 'self' | 'none';
  /** A sensitive read: recorded with no before/after, the query in `details`. */
  read?: boolean;
  /** Keep the validated JSON body in `details` (what a bulk action or a run event was). */
  keepBody?: boolean;
  /**
   * False for an action that uses a resource without changing it (a test run of a flow): the row
   * names the resource but keeps no copy of it, so trying a flow 50 times stores no 100 drafts.
   */
  snapshot?: false;
}
export interface NotAudited {
  notAudited: string;
}
export type AuditRule = AuditedRoute | NotAudited;

const param = (name: string) => ({ param: name });
const change = (action: string, resource: string, rest: Partial<AuditedRoute> = {}): AuditedRoute => ({
  action,
  resource,
  ...rest,
});
const created = (action: string, resource: string, rest: Partial<AuditedRoute> = {}): AuditedRoute => ({
  action,
  resource,
  id: 'response',
  ...rest,
});
const settings = (action = 'settings.updated'): AuditedRoute => ({
  action,
  resource: 'workspace',
  id: 'workspace',
});
const read = (action: string, resource: string, id: AuditedRoute['id'] = 'none'): AuditedRoute => ({
  action,
  resource,
  id,
  read: true,
});
const notAudited = (why: string): NotAudited => ({ notAudited: why });

const webhookIn = notAudited('a provider calling in, not a person or key of the workspace');
const hookIn = notAudited('a caller of a flow’s webhook; the run it starts is its record');
const changesNothing = notAudited('computes an answer and stores nothing');

export const auditedRoutes: Record<string, AuditRule> = {
  // People and access
  'POST /api/v1/auth/login': notAudited('public: sign-ins are recorded by the sign-in code'),
  'POST /api/v1/auth/logout': notAudited('public: ends the caller’s own session'),
  'POST /api/v1/auth/invitations/preview': changesNothing,
  'POST /api/v1/auth/invitations/accept': notAudited(
    'public: the invited person sets a password (the invitation is)',
  ),
  'POST /api/v1/auth/password-resets/preview': changesNothing,
  'POST /api/v1/auth/password-resets/complete': notAudited(
    'public: the person sets a password (the reset is)',
  ),
  'POST /api/v1/auth/second-factor': notAudited('public: the code step of a sign-in'),
  'POST /api/v1/oauth/token': notAudited('public: an OAuth client trading its secret for a token'),
  'POST /api/v1/people/invitations': created('user.invited', 'invitation', { keepBody: true }),
  'DELETE /api/v1/people/invitations/:id': change('user.invitation-withdrawn', 'invitation'),
  'PATCH /api/v1/people/:id': change('user.updated', 'user'),
  'POST /api/v1/people/:id/password-reset': change('user.password-reset', 'user', { snapshot: false }),
  'DELETE /api/v1/people/:id/sessions': change('user.signed-out', 'user', { snapshot: false }),
  'DELETE /api/v1/people/:id/second-factor': change('user.second-factor-reset', 'user', { snapshot: false }),
  'PATCH /api/v1/account': change('account.updated', 'user', { id: 'self' }),
  'POST /api/v1/account/password': change('account.password-changed', 'user', {
    id: 'self',
    snapshot: false,
  }),
  'DELETE /api/v1/account/sessions/:id': change('account.session-ended', 'user', {
    id: 'self',
    snapshot: false,
  }),
  'POST /api/v1/account/second-factor': notAudited('starts an enrolment that does nothing until confirmed'),
  'POST /api/v1/account/second-factor/confirm': change('account.second-factor-on', 'user', {
    id: 'self',
    snapshot: false,
  }),
  'DELETE /api/v1/account/second-factor': change('account.second-factor-off', 'user', {
    id: 'self',
    snapshot: false,
  }),
  'POST /api/v1/oauth-clients': created('oauth-client.created', 'oauth-client'),
  'DELETE /api/v1/oauth-clients/:id': change('oauth-client.revoked', 'oauth-client'),
  'POST /api/v1/api-keys': created('key.created', 'api-key'),
  'DELETE /api/v1/api-keys/:id': change('key.revoked', 'api-key'),
  // Workspaces and their members
  'POST /api/v1/workspaces': created('workspace.created', 'workspace', { snapshot: false }),
  'PATCH /api/v1/workspaces/:id': change('workspace.renamed', 'workspace'),
  'POST /api/v1/workspaces/:id/switch': notAudited(
    'changes only which of their own workspaces a session shows; no data changes',
  ),
  'POST /api/v1/workspace/members': change('member.added', 'member', { id: 'none', keepBody: true }),
  'PUT /api/v1/workspace/members/:userId': change('member.updated', 'member', { id: param('userId') }),
  'DELETE /api/v1/workspace/members/:userId': change('member.removed', 'member', { id: param('userId') }),
  // Flows
  'POST /api/v1/flows': created('flow.created', 'flow'),
  'PUT /api/v1/flows/:id': change('flow.updated', 'flow'),
  'DELETE /api/v1/flows/:id': change('flow.deleted', 'flow'),
  'POST /api/v1/flows/:id/publish': change('flow.published', 'flow', { keepBody: true }),
  'POST /api/v1/flows/:id/hook/secret': change('flow.hook-secret-renewed', 'flow', { snapshot: false }),
  'POST /api/v1/flows/:id/test-runs': change('flow.test-run-started', 'flow', { snapshot: false }),
  'POST /api/v1/flows/:id/validate': changesNothing,
  'POST /api/v1/flows/:id/what-if': changesNothing,
  'POST /api/v1/flow-templates/:id/flows': created('flow.created', 'flow'),
  // Runs
  'POST /api/v1/runs': created('run.started', 'run'),
  'POST /api/v1/runs/:id/cancel': change('run.cancelled', 'run'),
  'POST /api/v1/runs/:id/events': change('run.event-sent', 'run', { keepBody: true, snapshot: false }),
  'POST /api/v1/runs/:id/replay': change('run.replayed', 'run', { keepBody: true, snapshot: false }),
  'POST /api/v1/runs/:id/skip-wait': change('run.wait-skipped', 'run', { snapshot: false }),
  'POST /api/v1/runs/bulk': created('runs.bulk-action', 'bulk-job', { keepBody: true }),
  'POST /api/v1/runs/bulk/preview': changesNothing,
  // Channels and workspace settings
  'PUT /api/v1/channels/:channel': change('channel.updated', 'channel', { id: param('channel') }),
  'DELETE /api/v1/channels/:channel': change('channel.removed', 'channel', { id: param('channel') }),
  'POST /api/v1/channels/:channel/test': change('channel.tested', 'channel', {
    id: param('channel'),
    snapshot: false,
  }),
  'PUT /api/v1/workspace/settings': settings(),
  'PUT /api/v1/workspace/default-country': settings(),
  'PUT /api/v1/workspace/campaign-settings': settings(),
  'PUT /api/v1/mail/domains': settings(),
  'PUT /api/v1/recordings/quota': settings(),
  'PUT /api/v1/workspace/webhook': change('webhook.updated', 'webhook', { id: 'workspace' }),
  'DELETE /api/v1/workspace/webhook': change('webhook.removed', 'webhook', { id: 'workspace' }),
  'PUT /api/v1/workspace/ai-provider': change('ai-provider.updated', 'ai-provider', { id: 'workspace' }),
  'DELETE /api/v1/workspace/ai-provider': change('ai-provider.removed', 'ai-provider', { id: 'workspace' }),
  'POST /api/v1/channels/:channel/numbers': created('channel-number.added', 'channel-number'),
  'DELETE /api/v1/channels/:channel/numbers/:id': change('channel-number.removed', 'channel-number'),
  'POST /api/v1/webhook-subscriptions': created('webhook-subscription.created', 'webhook-subscription'),
  'PATCH /api/v1/webhook-subscriptions/:id': change('webhook-subscription.updated', 'webhook-subscription'),
  'DELETE /api/v1/webhook-subscriptions/:id': change('webhook-subscription.removed', 'webhook-subscription'),
  'POST /api/v1/webhook-subscriptions/:id/deliveries/:deliveryId/replay': change(
    'webhook-subscription.delivery-replayed',
    'webhook-subscription',
    { snapshot: false },
  ),
  'PUT /api/v1/dkim-keys/:domain': change('dkim-key.created', 'dkim-key', { id: param('domain') }),
  'DELETE /api/v1/dkim-keys/:domain': change('dkim-key.removed', 'dkim-key', { id: param('domain') }),
  'POST /api/v1/mail/mailboxes': created('mailbox.created', 'mailbox'),
  'PATCH /api/v1/mail/mailboxes/:id': change('mailbox.updated', 'mailbox'),
  'DELETE /api/v1/mail/mailboxes/:id': change('mailbox.removed', 'mailbox'),
  'POST /api/v1/mail/mailboxes/test': notAudited('tries a connection and stores nothing'),
  'PUT /api/v1/quotas/:channel': change('quota.updated', 'quota', { id: param('channel') }),
  'DELETE /api/v1/quotas/:channel': change('quota.removed', 'quota', { id: param('channel') }),
  'POST /api/v1/quotas/:channel/ledger': change('quota.adjusted', 'quota', {
    id: param('channel'),
    keepBody: true,
  }),
  // Contacts and audiences
  'POST /api/v1/contacts': created('contact.created', 'contact'),
  'PATCH /api/v1/contacts/:id': change('contact.updated', 'contact'),
  'DELETE /api/v1/contacts/:id': change('contact.deleted', 'contact'),
  'POST /api/v1/contacts/:id/addresses': change('contact.updated', 'contact'),
  'PATCH /api/v1/contacts/:id/addresses/:addressId': change('contact.updated', 'contact'),
  'DELETE /api/v1/contacts/:id/addresses/:addressId': change('contact.updated', 'contact'),
  'POST /api/v1/contacts/:id/merge': change('contact.merged', 'contact', { keepBody: true }),
  'POST /api/v1/contacts/:id/erase': notAudited(
    'recorded by the route itself (api/data-protection-audit.ts) with what was erased',
  ),
  // Backups and the contract-end export
  'POST /api/v1/report-schedules': created('report-schedule.created', 'report-schedule'),
  'PUT /api/v1/report-schedules/:id': change('report-schedule.updated', 'report-schedule'),
  'DELETE /api/v1/report-schedules/:id': change('report-schedule.deleted', 'report-schedule'),
  'POST /api/v1/report-schedules/:id/send': change('report-schedule.sent', 'report-schedule', {
    snapshot: false,
  }),
  'POST /api/v1/backups': created('backup.started', 'backup', { snapshot: false }),
  'POST /api/v1/workspace-exports': notAudited(
    'recorded once the archive is written (workspace-export/export-audit.ts), by the API and the CLI alike',
  ),
  'POST /api/v1/contact-fields': created('contact-field.created', 'contact-field'),
  'PATCH /api/v1/contact-fields/:id': change('contact-field.updated', 'contact-field'),
  'DELETE /api/v1/contact-fields/:id': change('contact-field.deleted', 'contact-field'),
  'POST /api/v1/contact-imports': created('contact-import.started', 'contact-import'),
  'ALL /api/v1/contact-imports': notAudited('a check before the import route (which is audited)'),
  'POST /api/v1/contact-imports/preview': changesNothing,
  'ALL /api/v1/contact-imports/preview': changesNothing,
  'POST /api/v1/segments': created('segment.created', 'segment'),
  'PUT /api/v1/segments/:id': change('segment.updated', 'segment'),
  'DELETE /api/v1/segments/:id': change('segment.deleted', 'segment'),
  'POST /api/v1/segments/:id/members': change('segment.members-added', 'segment', { keepBody: true }),
  'POST /api/v1/segments/:id/members/remove': change('segment.members-removed', 'segment', {
    keepBody: true,
  }),
  'POST /api/v1/segments/count': changesNothing,
  'POST /api/v1/segments/preview': changesNothing,
  // Campaigns
  'POST /api/v1/campaigns': created('campaign.created', 'campaign'),
  'PATCH /api/v1/campaigns/:id': change('campaign.updated', 'campaign'),
  'DELETE /api/v1/campaigns/:id': change('campaign.deleted', 'campaign'),
  'POST /api/v1/campaigns/:id/start': change('campaign.started', 'campaign'),
  'POST /api/v1/campaigns/:id/pause': change('campaign.paused', 'campaign'),
  'POST /api/v1/campaigns/:id/resume': change('campaign.resumed', 'campaign'),
  'POST /api/v1/campaigns/:id/cancel': change('campaign.cancelled', 'campaign'),
  // Content
  'POST /api/v1/templates': created('template.created', 'template'),
  'PUT /api/v1/templates/:id': change('template.updated', 'template'),
  'DELETE /api/v1/templates/:id': change('template.deleted', 'template'),
  'POST /api/v1/templates/preview': changesNothing,
  'POST /api/v1/voice-prompts': created('voice-prompt.created', 'voice-prompt'),
  'PATCH /api/v1/voice-prompts/:id': change('voice-prompt.updated', 'voice-prompt'),
  'DELETE /api/v1/voice-prompts/:id': change('voice-prompt.deleted', 'voice-prompt'),
  // Messages and recordings
  'POST /api/v1/messages': created('message.sent', 'message'),
  'POST /api/v1/conversations/:id/messages': change('message.sent', 'conversation', { snapshot: false }),
  'POST /api/v1/conversations/:id/close': change('conversation.closed', 'conversation'),
  'POST /api/v1/sandbox/messages': change('sandbox.message-sent', 'sandbox', { id: 'none', keepBody: true }),
  'DELETE /api/v1/recordings/:id': change('recording.deleted', 'recording'),
  'POST /api/v1/recordings/delete': change('recordings.deleted', 'recording', { id: 'none', keepBody: true }),
  'POST /api/v1/mail-catcher/inbound': change('mail-catcher.received', 'mail-catcher', { id: 'none' }),
  'DELETE /api/v1/mail-catcher/mails': change('mail-catcher.cleared', 'mail-catcher', { id: 'none' }),
  'DELETE /api/v1/mail-catcher/mails/:id': change('mail-catcher.removed', 'mail-catcher', {
    id: param('id'),
  }),
  // Sensitive reads
  'GET /api/v1/audit/export': read('audit.exported', 'audit'),
  'GET /api/v1/recordings/:id/audio': read('recording.played', 'recording', param('id')),
  'GET /api/v1/messages': read('message.read', 'message'),
  'GET /api/v1/messages/:id': read('message.read', 'message', param('id')),
  'GET /api/v1/conversations': read('conversation.read', 'conversation'),
  'GET /api/v1/contacts/:id/timeline': read('contact.timeline-read', 'contact', param('id')),
  'GET /api/v1/calls/:id': read('call.read', 'call', param('id')),
  // A report lists contacts' addresses and can be downloaded whole: who took which is kept.
  'GET /api/v1/reports/:name': read('report.read', 'report', param('name')),
  'GET /api/v1/mail-catcher/mails/:id': read('message.read', 'mail-catcher', param('id')),
  'GET /api/v1/mail-catcher/mails/:id/raw': read('message.read', 'mail-catcher', param('id')),
  // Provider webhooks and public links: not a member of the workspace acting
  'POST /api/v1/webhooks/whatsapp': webhookIn,
  'POST /api/v1/webhooks/twilio/:workspaceId/:kind': webhookIn,
  'POST /api/v1/webhooks/twilio/:workspaceId/voice': webhookIn,
  'POST /api/v1/webhooks/twilio/:workspaceId/voice/*': webhookIn,
  // A flow's webhook: its caller is checked by the trigger's own auth; the run it starts is the record.
  'POST /api/v1/hooks/:workspaceId/*': hookIn,
  'POST /api/v1/hooks/test/:flowId/*': hookIn,
  'PUT /api/v1/hooks/:workspaceId/*': hookIn,
  'PUT /api/v1/hooks/test/:flowId/*': hookIn,
  'PATCH /api/v1/hooks/:workspaceId/*': hookIn,
  'PATCH /api/v1/hooks/test/:flowId/*': hookIn,
  'DELETE /api/v1/hooks/:workspaceId/*': hookIn,
  'DELETE /api/v1/hooks/test/:flowId/*': hookIn,
  'POST /api/v1/webchat/sessions': notAudited('a web chat visitor, who has no account'),
  'POST /api/v1/webchat/messages': notAudited('a web chat visitor, who has no account'),
  'POST /api/v1/email-links/unsubscribe/:messageId/:signature': notAudited(
    'a mail reader unsubscribing by a signed link; the consent change is kept on the contact',
  ),
};

/** The rule for a route, or undefined when it has none (a GET that is not a sensitive read). */
export function auditRuleOf(method: string, path: string): AuditRule | undefined {
  return auditedRoutes[`${method} ${path}`];
}

export const isAudited = (rule: AuditRule | undefined): rule is AuditedRoute =>
  rule !== undefined && !('notAudited' in rule);

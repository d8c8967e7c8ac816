import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { ApiError, errorBody } from './api-error.ts';
import { runErrorStatus } from './run-error-status.ts';
import { RunError } from '../runs/run-error.ts';
import { apiDocsPage } from './api-docs-page.ts';
import { appNotBuiltPage } from './app-not-built-page.ts';
import type { AppDeps, AppEnv } from './app-deps.ts';
import { authenticate } from './authenticate.ts';
import { auditTrail } from './audit-trail.ts';
import { auditRoutes } from './routes/audit.ts';
import { checkOrigin } from './check-origin.ts';
import { securityHeaders } from './security-headers.ts';
import { answersPublicly, checkPermission } from './check-permission.ts';
import { apiKeyRoutes } from './routes/api-keys.ts';
import { oauthClientRoutes } from './routes/oauth-clients.ts';
import { oauthTokenRoutes } from './routes/oauth-token.ts';
import { rateLimiters } from './rate-limits.ts';
import { requestIds } from './request-ids.ts';
import { requireScope } from './require-scope.ts';
import { authRoutes, publicAuthRoutes } from './routes/auth.ts';
import { flowRoutes } from './routes/flows.ts';
import { flowTemplateRoutes } from './routes/flow-templates.ts';
import { userDocsRoutes } from './routes/user-docs.ts';
import { healthRoutes } from './routes/health.ts';
import { nodeRoutes } from './routes/nodes.ts';
import { runRoutes } from './routes/runs.ts';
import { runBulkRoutes } from './routes/run-bulk.ts';
import { runReplayRoutes } from './routes/run-replay.ts';
import { runStreamRoutes } from './routes/run-stream.ts';
import { dashboardRoutes } from './routes/dashboard.ts';
import { flowOperationRoutes } from './routes/flow-operations.ts';
import { flowAnalyticsRoutes } from './routes/flow-analytics.ts';
import { workspaceSettingsRoutes } from './routes/workspace-settings.ts';
import { mailDomainRoutes } from './routes/mail-domains.ts';
import { campaignRoutes } from './routes/campaigns.ts';
import { imapMailboxRoutes } from './routes/imap-mailboxes.ts';
import { messageRoutes } from './routes/messages.ts';
import { sandboxRoutes } from './routes/sandbox.ts';
import { accountRoutes } from './routes/account.ts';
import { peopleRoutes } from './routes/people.ts';
import { personLinkRoutes } from './routes/person-links.ts';
import { mailCatcherRoutes } from './routes/mail-catcher.ts';
import { conversationRoutes } from './routes/conversations.ts';
import { whatsAppWebhookRoutes } from './routes/whatsapp-webhook.ts';
import { webChatRoutes } from './routes/webchat.ts';
import { webChatSocketRoutes } from './routes/webchat-socket.ts';
import { webChatWidgetRoutes } from './routes/webchat-widget.ts';
import { webChatEmbedRoutes } from './routes/webchat-embed.ts';
import { createNodeWebSocket } from '@hono/node-ws';
import { browserPhoneSocketRoutes } from './routes/browser-phone-socket.ts';
import { twilioWebhookRoutes } from './routes/twilio-webhook.ts';
import { emailLinkRoutes } from './routes/email-links.ts';
import { twilioVoiceWebhookRoutes } from './routes/twilio-voice-webhook.ts';
import { channelSettingsRoutes } from './routes/channel-settings.ts';
import { channelNumberRoutes } from './routes/channel-numbers.ts';
import { dkimKeyRoutes } from './routes/dkim-keys.ts';
import { emailDeliverabilityRoutes } from './routes/email-deliverability.ts';
import { recordingRoutes } from './routes/recordings.ts';
import { voicePromptRoutes } from './routes/voice-prompts.ts';
import { callRoutes } from './routes/calls.ts';
import { reportRoutes } from './routes/reports.ts';
import { templateRoutes } from './routes/templates.ts';
import { reportScheduleRoutes } from './routes/report-schedules.ts';
import { contactRoutes } from './routes/contacts.ts';
import { contactDataProtectionRoutes } from './routes/contact-data-protection.ts';
import { contactFieldRoutes } from './routes/contact-fields.ts';
import { segmentRoutes } from './routes/segments.ts';
import { quotaRoutes } from './routes/quotas.ts';
import { messageSendRoutes } from './routes/messages-send.ts';
import { workspaceWebhookRoutes } from './routes/workspace-webhook.ts';
import { aiProviderRoutes } from './routes/ai-provider.ts';
import { webhookSubscriptionRoutes } from './routes/webhook-subscriptions.ts';
import { contactImportRoutes } from './routes/contact-imports.ts';
import { defaultCountryRoutes } from './routes/default-country.ts';
import { campaignSettingsRoutes } from './routes/campaign-settings.ts';
import { workspaceRoutes } from './routes/workspaces.ts';
import { recordingStoreFromEnv } from '../recordings/recording-store-from-env.ts';
import { backupRoutes } from './routes/backups.ts';
import { requestLimits } from './request-limits.ts';
import { hookRoutes } from './routes/hooks.ts';
import { flowHookRoutes } from './routes/flow-hook.ts';
import { readerLanguage } from './reader-language.ts';
import { validationFailure } from './validation-text.ts';
import type { z } from 'zod';

/** Every zod failure becomes a 400 naming the fields, in the API's one error shape. */
const defaultHook = (
  result: { success: boolean; error?: { issues: z.core.$ZodIssue[] } },
  c: {
    json: (body: unknown, status: 400) => Response;
    req: { header: (name: string) => string | undefined };
  },
) => {
  if (result.success || !result.error) return;
  const { message, issues } = validationFailure(
    result.error.issues,
    readerLanguage(c.req.header('accept-language')),
  );
  return c.json(errorBody('VALIDATION_FAILED', message, { issues }), 400);
};

/**
 * What answers without a caller: whole paths, not a substring anywhere (`/channels/webchat/test`
 * once passed as web chat's and reached an admin route with no one signed in).
 */
const publicPaths =
  /^\/api\/v1\/(health|auth\/login|auth\/logout|openapi\.json|auth\/second-factor|auth\/(invitations|password-resets)\/(preview|accept|complete))$|^\/api\/v1\/(webhooks|webchat|email-links|hooks)\//;

/**
 * The HTTP API over real dependencies; tests call `app.request()` on it. A server that serves it
 * calls `injectWebSocket(server)` so the web chat WebSocket can upgrade.
 */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', requestIds(deps));
  // Before every route, webhooks and web chat included: size, depth and text no route need check.
  app.use('*', requestLimits());
  // CSP, HSTS over https, nosniff, frame and referrer policies: on pages, files and API answers.
  app.use('*', securityHeaders(deps));
  const webSockets = createNodeWebSocket({ app });
  const api = new OpenAPIHono<AppEnv>({ defaultHook });
  const requireCaller = authenticate(deps);
  const limits = rateLimiters(deps);
  api.use('*', limits.perIp);
  // First, so no route (logout included) acts on a cookie another site's page made the browser send.
  api.use('*', checkOrigin(deps));
  api.route('/', healthRoutes(deps));
  api.route('/', publicAuthRoutes(deps));
  api.route('/', personLinkRoutes(deps));
  api.route('/', whatsAppWebhookRoutes(deps));
  // Web chat visitors have no account: the widget key and session token stand in (routes/webchat.ts).
  api.route('/', webChatRoutes(deps));
  api.route('/', webChatSocketRoutes(deps, webSockets.upgradeWebSocket));
  // Before the SMS webhooks: their /webhooks/twilio/:workspaceId/:kind would answer …/voice with a 404.
  api.route('/', twilioVoiceWebhookRoutes(deps));
  api.route('/', twilioWebhookRoutes(deps));
  // Mail readers have no account: the signed link is the authority (routes/email-links.ts).
  api.route('/', emailLinkRoutes(deps));
  api.route('/', oauthTokenRoutes(deps));
  // Flows' own webhooks: the trigger's auth (API key or signature) is the check (api/routes/hooks.ts).
  api.route('/', hookRoutes(deps));
  api.use('*', async (c, next) =>
    publicPaths.test(c.req.path) || answersPublicly(c) ? next() : requireCaller(c, next),
  );
  api.use('*', limits.perKey);
  // Every route's permission from one table (route-permissions.ts), after the caller is known.
  api.use('*', checkPermission());
  api.use('*', requireScope());
  // After the caller is known: every change and sensitive read becomes an audit row.
  api.use('*', auditTrail(deps));
  // After the session check: only a signed-in designer's browser gets a SIP door.
  api.route('/', browserPhoneSocketRoutes(deps, webSockets.upgradeWebSocket));
  // Fixed paths (/runs/bulk, /runs/counts) before /runs/{id}: the first route that matches answers.
  for (const routes of [
    authRoutes,
    peopleRoutes,
    accountRoutes,
    apiKeyRoutes,
    oauthClientRoutes,
    nodeRoutes,
    workspaceSettingsRoutes,
    workspaceRoutes,
    defaultCountryRoutes,
    campaignSettingsRoutes,
    mailDomainRoutes,
    imapMailboxRoutes,
    channelNumberRoutes,
    channelSettingsRoutes,
    dkimKeyRoutes,
    emailDeliverabilityRoutes,
    flowRoutes,
    flowHookRoutes,
    flowTemplateRoutes,
    flowOperationRoutes,
    flowAnalyticsRoutes,
    runBulkRoutes,
    runRoutes,
    runReplayRoutes,
    runStreamRoutes,
    dashboardRoutes,
    messageRoutes,
    messageSendRoutes,
    workspaceWebhookRoutes,
    aiProviderRoutes,
    webhookSubscriptionRoutes,
    sandboxRoutes,
    mailCatcherRoutes,
    conversationRoutes,
    webChatEmbedRoutes,
    templateRoutes,
    reportScheduleRoutes,
    contactFieldRoutes,
    segmentRoutes,
    quotaRoutes,
    // /contact-imports/preview before /contact-imports/{id}: the first route that matches answers.
    contactImportRoutes,
    campaignRoutes,
    auditRoutes,
  ])
    api.route('/', routes(deps));
  // Fixed paths (/recordings/usage, /recordings/delete) come before /recordings/{id} inside.
  const recordingStore = deps.recordingStore ?? recordingStoreFromEnv(process.env);
  api.route('/', recordingRoutes({ ...deps, recordingStore }));
  api.route('/', voicePromptRoutes({ ...deps, recordingStore }));
  api.route('/', callRoutes(deps));
  api.route('/', reportRoutes(deps));
  api.route('/', contactRoutes({ ...deps, recordingStore }));
  api.route('/', contactDataProtectionRoutes({ ...deps, recordingStore }));
  api.route('/', backupRoutes({ ...deps, recordingStore }));

  api.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', { type: 'http', scheme: 'bearer' });
  const specConfig = {
    openapi: '3.1.0',
    info: { title: 'Omniflow', version: '1.0.0', description: 'Flows as graphs, run durably on Temporal.' },
    servers: [{ url: '/api/v1' }],
    security: [{ apiKey: [] }],
  };
  api.doc31('/openapi.json', specConfig);

  app.route('/api/v1', api);
  app.route('/', webChatWidgetRoutes(deps));
  // Before the builder's catch-all, which would answer /docs/… with the app.
  app.route('/', userDocsRoutes());
  app.get('/api/docs', (c) => c.html(apiDocsPage(api.getOpenAPI31Document(specConfig))));
  const index = deps.builderDir ? `${deps.builderDir}/index.html` : undefined;
  if (index && existsSync(index)) {
    // The built builder app; every other non-API path gets index.html so the app can route.
    const page = readFileSync(index, 'utf8');
    app.use('/assets/*', serveStatic({ root: relative(process.cwd(), deps.builderDir!) }));
    app.get('*', async (c, next) => (/^\/(api|assets)\//.test(c.req.path) ? next() : c.html(page)));
  } else {
    app.get('/', (c) => c.html(appNotBuiltPage));
  }
  app.notFound((c) => {
    const route = `${c.req.method} ${c.req.path}`;
    const message = { en: `No route for ${route}`, es: `No hay ninguna ruta para ${route}` };
    return c.json(errorBody('NOT_FOUND', message[readerLanguage(c.req.header('accept-language'))]), 404);
  });
  // Every refusal is said in the reader's language; the codes stay the same for clients.
  app.onError((error, c) => {
    const language = readerLanguage(c.req.header('accept-language'));
    if (error instanceof ApiError)
      return c.json(errorBody(error.code, error.messageIn(language), error.details), error.status);
    if (error instanceof RunError)
      return c.json(errorBody(error.code, error.messageIn(language)), runErrorStatus[error.code]);
    if (error instanceof HTTPException) {
      const malformed = error.status === 400 && /json/i.test(error.message);
      const notJson = {
        en: 'The request body is not valid JSON',
        es: 'El cuerpo de la petición no es JSON válido',
      };
      return c.json(
        errorBody(malformed ? 'INVALID_JSON' : 'BAD_REQUEST', malformed ? notJson[language] : error.message),
        error.status,
      );
    }
    console.error(error);
    const internal = {
      en: 'Something went wrong on the server; it has been logged',
      es: 'Algo falló en el servidor; ha quedado registrado',
    };
    return c.json(errorBody('INTERNAL', internal[language]), 500);
  });
  return Object.assign(app, {
    injectWebSocket: webSockets.injectWebSocket,
    /** Ends open WebSockets: an HTTP server's close() waits for them otherwise. */
    closeWebSockets: () => {
      for (const socket of webSockets.wss.clients) socket.terminate();
    },
  });
}

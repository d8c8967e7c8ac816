import { Hono, type Context } from 'hono';
import { eq } from 'drizzle-orm';
import { flows, hookSecrets } from '@omniflow/db';
import { normalizeWebhookPath } from '@omniflow/nodes/http';
import { errorBody } from '../api-error.ts';
import type { AppDeps } from '../app-deps.ts';
import { readerLanguage } from '../reader-language.ts';
import { flowDocumentSchema } from '../../graph/flow-schema.ts';
import { validateFlow } from '../../graph/validate-flow.ts';
import { draftTestVersion } from '../../runs/draft-test-version.ts';
import { answerHook, type HookAnswer } from '../../hooks/answer-hook.ts';
import { answerHookInstantly } from '../../hooks/answer-hook-instantly.ts';
import { instantRunsOn } from '../../runs/start-instant-run.ts';
import { refuseHookCaller } from '../hook-auth.ts';
import { hookDirectoryOf } from '../../hooks/hook-directory.ts';
import { hookTargetOf, takesMethod, type HookTarget } from '../../hooks/hook-target.ts';
import { hookMessage, type HookTextKey } from '../hook-text.ts';
import { HookBodyError, parseHookBody } from '../../hooks/parse-hook-body.ts';

/** The methods a hook may take; HEAD is answered as GET. */
export const hookMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Hop-by-hop and credential headers are not the flow's to keep in its run's input.
const droppedHeaders = new Set(['authorization', 'cookie', 'connection', 'keep-alive', 'transfer-encoding']);

/** The path after `/hooks/<scope>/`, as the trigger's path is matched. */
const hookPathOf = (c: Context, prefix: RegExp) => {
  let rest = c.req.path.replace(prefix, '');
  try {
    rest = decodeURIComponent(rest);
  } catch {
    // Left as sent: it then matches no hook's path.
  }
  return normalizeWebhookPath(rest);
};

/**
 * `ANY /api/v1/hooks/{workspaceId}/{path}` runs the published flow whose `http.webhook`
 * trigger answers the path and method; `/api/v1/hooks/test/{flowId}/{path}` runs the flow's
 * current draft (the designer's test URL). Not behind sign-in: the trigger's own auth is the
 * check, made before the body is parsed or a run row written. The run answers through its
 * `http.respond` node, or 202 with its id when it does not in time.
 */
export function hookRoutes(deps: AppDeps) {
  const app = new Hono();
  const directory = hookDirectoryOf(deps.db);

  const refuse = (
    c: Context,
    status: 400 | 401 | 403 | 404 | 405,
    code: string,
    key: HookTextKey,
    params = {},
  ) =>
    c.json(
      errorBody(code, hookMessage(key, readerLanguage(c.req.header('accept-language')), params)),
      status,
    );

  async function serve(
    c: Context,
    target: HookTarget,
    path: string,
    sealedSecret: { sealed: string; keyId: string } | undefined,
    test: boolean,
  ) {
    const raw = new Uint8Array(await c.req.arrayBuffer());
    const refusal = await refuseHookCaller(deps, c, target, raw, sealedSecret);
    if (refusal) return refuse(c, refusal.status, refusal.code, refusal.key, refusal.params);
    let body: unknown;
    try {
      body = await parseHookBody(raw, c.req.header('content-type'));
    } catch (error) {
      if (!(error instanceof HookBodyError)) throw error;
      const code =
        error.key === 'invalidJson'
          ? 'INVALID_JSON'
          : error.key === 'tooDeep'
            ? 'JSON_TOO_DEEP'
            : 'BODY_INVALID';
      return refuse(c, 400, code, error.key, error.params);
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of c.req.raw.headers) if (!droppedHeaders.has(name)) headers[name] = value;
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    const request = { method, path, query: c.req.query(), headers, body };
    // A draft's test run stays in Temporal, where the designer can step through it.
    const instantly = !test && instantRunsOn(deps);
    const answer =
      (instantly ? await answerHookInstantly(deps, target, request) : undefined) ??
      (await answerHook(deps, target, request, { test }));
    return respond(c, answer);
  }

  app.on([...hookMethods], '/hooks/test/:flowId/*', async (c) => {
    const flowId = c.req.param('flowId');
    const path = hookPathOf(c, /^\/api\/v1\/hooks\/test\/[^/]+\/?/);
    if (!uuid.test(flowId)) return refuse(c, 404, 'HOOK_NOT_FOUND', 'noDraftHook', { path });
    const [flow] = await deps.db.select().from(flows).where(eq(flows.id, flowId));
    const parsed = flow ? flowDocumentSchema.safeParse(flow.draft) : undefined;
    const draft = parsed?.success ? parsed.data : undefined;
    const preview =
      flow && draft && hookTargetOf(flow, { id: '', flowId, version: 0, machine: {}, graph: draft });
    if (!flow || !draft || !preview || preview.path !== path)
      return refuse(c, 404, 'HOOK_NOT_FOUND', 'noDraftHook', { path });
    if (!takesMethod(preview.trigger, c.req.method)) return wrongMethod(c, path, [preview.trigger.method]);
    const result = validateFlow(draft, deps.registry);
    if (!result.ok)
      return c.json(
        errorBody(
          'FLOW_INVALID',
          hookMessage('draftInvalid', readerLanguage(c.req.header('accept-language')), {
            count: result.errors.length,
          }),
          { errors: result.errors, warnings: result.warnings },
        ),
        422,
      );
    const [secret] =
      preview.trigger.auth === 'hmac'
        ? await deps.db
            .select({ sealed: hookSecrets.secretSealed, keyId: hookSecrets.keyId })
            .from(hookSecrets)
            .where(eq(hookSecrets.flowId, flowId))
        : [];
    const version = await draftTestVersion(deps, flow, draft, null);
    return serve(c, { ...preview, version }, path, secret, true);
  });

  app.on([...hookMethods], '/hooks/:workspaceId/*', async (c) => {
    const workspaceId = c.req.param('workspaceId');
    const path = hookPathOf(c, /^\/api\/v1\/hooks\/[^/]+\/?/);
    if (!uuid.test(workspaceId)) return refuse(c, 404, 'HOOK_NOT_FOUND', 'noHook', { path });
    const hooks = await directory.find(workspaceId, (t) => t.path === path);
    const atPath = hooks.targets.filter((t) => t.path === path);
    if (atPath.length === 0) return refuse(c, 404, 'HOOK_NOT_FOUND', 'noHook', { path });
    const target = atPath.find((t) => takesMethod(t.trigger, c.req.method));
    if (!target)
      return wrongMethod(
        c,
        path,
        atPath.map((t) => t.trigger.method),
      );
    return serve(c, target, path, hooks.secrets.get(target.flowId), false);
  });

  function wrongMethod(c: Context, path: string, allowed: string[]) {
    c.header('Allow', allowed.join(', '));
    return refuse(c, 405, 'METHOD_NOT_ALLOWED', 'wrongMethod', {
      path,
      method: c.req.method,
      allowed: allowed.join(', '),
    });
  }

  return app;
}

function respond(c: Context, answer: HookAnswer) {
  if (answer.kind === 'accepted')
    return c.json({ runId: answer.runId, status: answer.status }, 202, { 'X-Omniflow-Run-Id': answer.runId });
  const { status, headers, body } = answer.response;
  return c.body(body, status as 200, { ...headers, 'x-omniflow-run-id': answer.runId });
}

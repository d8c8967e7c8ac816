import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../app-deps.ts';
import { errorResponses, json } from '../schemas.ts';

const embedRoute = createRoute({
  method: 'get',
  path: '/workspace/webchat-embed',
  tags: ['webchat'],
  summary: 'The web chat widget key and the script tag to paste into a site',
  responses: {
    200: json(
      z.object({ key: z.string(), embedCode: z.string() }),
      'The widget key (the workspace id) and a ready-to-paste embed code for this server',
    ),
    ...errorResponses,
  },
});

/** What a designer copies into their site; behind sign-in, unlike the widget's own endpoints. */
export function webChatEmbedRoutes(_deps: AppDeps) {
  return new OpenAPIHono<AppEnv>().openapi(embedRoute, (c) => {
    const key = c.get('principal').workspaceId;
    // Behind a proxy the request URL is what the proxy forwarded; X-Forwarded-* names the public one.
    const proto = c.req.header('x-forwarded-proto') ?? new URL(c.req.url).protocol.replace(':', '');
    const host = c.req.header('x-forwarded-host') ?? c.req.header('host') ?? new URL(c.req.url).host;
    const embedCode = `<script src="${proto}://${host}/webchat.js" data-key="${key}" data-color="#0b5cad" data-title="Chat" data-greeting="" data-lang="es" async></script>`;
    return c.json({ key, embedCode }, 200);
  });
}

import { existsSync, readFileSync } from 'node:fs';
import { Hono } from 'hono';
import { errorBody } from '../api-error.ts';
import type { AppDeps } from '../app-deps.ts';

/**
 * The embeddable widget, one script for any site: `<script src="https://omniflow…/webchat.js"
 * data-key="…">`. Read once and kept: it changes only with a new build of the product.
 */
export function webChatWidgetRoutes(deps: AppDeps) {
  const app = new Hono();
  let script: string | undefined;
  app.get('/webchat.js', (c) => {
    if (script === undefined && deps.widgetFile && existsSync(deps.widgetFile))
      script = readFileSync(deps.widgetFile, 'utf8');
    if (script === undefined)
      return c.json(
        errorBody('WIDGET_NOT_BUILT', 'The web chat widget is not built on this server: run `npm run build`'),
        404,
      );
    c.header('content-type', 'text/javascript; charset=utf-8');
    // Any site may load it; a short cache so a new release reaches visitors the same day.
    c.header('access-control-allow-origin', '*');
    c.header('cache-control', 'public, max-age=600');
    return c.body(script);
  });
  return app;
}

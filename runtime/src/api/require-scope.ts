import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import type { Context } from 'hono';
import { scopeNeeded, scopesAllow } from '../auth/scopes.ts';
import { ApiError } from './api-error.ts';
import type { AppEnv } from './app-deps.ts';

/**
 * The OpenAPI path of the route that will answer (`/flows/{id}`, relative to /api/v1): the first
 * matched handler that is not a middleware. Without one (no such route) the request's own path.
 */
export function openApiPath(c: Context): string {
  const route = matchedRoutes(c).find((r) => r.method !== 'ALL' && !r.path.endsWith('*'));
  const path = route?.path ?? c.req.path;
  return path.replace(/^\/api\/v1(?=\/)/, '').replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');
}

/** A key or token may call a route only if one of its scopes allows it (auth/scopes.ts). */
export function requireScope() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const scopes = c.get('principal')?.scopes;
    if (scopes) {
      const need = scopeNeeded(c.req.method, openApiPath(c));
      if (!scopesAllow(scopes, need))
        throw new ApiError(
          403,
          'SCOPE_REQUIRED',
          `This key or token lacks the "${need}" scope that ${c.req.method} ${c.req.path} needs; use one with it`,
          { scope: need },
        );
    }
    return next();
  });
}

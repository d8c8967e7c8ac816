import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import type { Context } from 'hono';
import { ApiError } from './api-error.ts';
import type { AppEnv } from './app-deps.ts';
import { peopleError } from './people-text.ts';
import { permissionRefusal } from './permission-refusal.ts';
import { principalMay } from './principal-permissions.ts';
import { readerLanguage } from './reader-language.ts';
import { permissionFor, routeKey, type RouteAccess } from './route-permissions.ts';

/**
 * The route that will answer this request, as the table names it: the first matched handler
 * that is not a middleware (middlewares are registered for ALL methods; routes for one) and is
 * an API route: the builder's catch-all page (`GET *`) also matches an unknown API path, which
 * must go on to the 404, not be refused as a route missing from the table.
 */
export function answeringRoute(c: Context): { key: string; access: RouteAccess | undefined } | undefined {
  const route = matchedRoutes(c).find((r) => r.method !== 'ALL' && r.path.startsWith('/api/v1/'));
  if (!route) return undefined;
  const key = routeKey(route.method, route.path);
  const [method, path] = key.split(' ') as [string, string];
  return { key, access: permissionFor(method, path) };
}

/** Whether the route that will answer is a public one (no caller needed). */
export const answersPublicly = (c: Context) => answeringRoute(c)?.access === 'public';

/**
 * After sign-in, on every route: the permission the route table names, or 403 saying which roles
 * may. A path no route answers goes on to the 404; a route the table forgot is refused to all.
 */
export function checkPermission() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const route = answeringRoute(c);
    if (!route || route.access === 'public' || route.access === 'signed-in') return next();
    if (route.access === 'person') {
      const principal = c.get('principal') as AppEnv['Variables']['principal'] | undefined;
      if (principal && (principal.via !== 'session' || !principal.userId))
        throw peopleError(403, 'FORBIDDEN', 'signedInByKey', readerLanguage(c.req.header('accept-language')));
      return next();
    }
    if (route.access === undefined)
      throw new ApiError(
        403,
        'ROUTE_NOT_PERMITTED',
        `${route.key} is missing from the permission table (runtime/src/api/route-permissions.ts), so no role may call it`,
      );
    const principal = c.get('principal') as AppEnv['Variables']['principal'] | undefined;
    if (!principal)
      throw new ApiError(401, 'UNAUTHENTICATED', {
        en: 'Sign in, or send an API key as "Authorization: Bearer <key>"',
        es: 'Inicia sesión o envía una clave de API como "Authorization: Bearer <clave>"',
      });
    if (!principalMay(principal, route.access))
      throw permissionRefusal(principal, route.access, readerLanguage(c.req.header('accept-language')));
    return next();
  });
}

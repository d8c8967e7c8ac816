import type { MiddlewareHandler } from 'hono';
import { ApiError } from './api-error.ts';
import type { AppDeps, AppEnv } from './app-deps.ts';
import { clientAddress } from './client-address.ts';
import { createTokenBuckets } from './token-bucket.ts';

/** Requests a minute; 0 turns a limit off. */
export interface RateLimits {
  /** Per API key and per OAuth client (all its tokens together). */
  perKey: number;
  /** Per client address (an IPv6 /64 counts as one), signed in or not. */
  perIp: number;
}

/**
 * 600 a minute per key is 10 a second, far above what an integration sending messages one by one
 * needs and well under what one API process serves; 1200 per address leaves room for a few
 * scripts and people behind one office NAT. Both may be burst at once, then refill evenly.
 */
export const defaultRateLimits: RateLimits = { perKey: 600, perIp: 1200 };

export function rateLimitsFromEnv(env: Record<string, string | undefined>): RateLimits {
  const read = (name: string, fallback: number) => {
    const value = env[name]?.trim();
    if (!value) return fallback;
    const number = Number(value);
    if (!Number.isInteger(number) || number < 0)
      throw new Error(`${name} must be a whole number of requests a minute (0 = no limit), not "${value}"`);
    return number;
  };
  return {
    perKey: read('OMNIFLOW_RATE_LIMIT_PER_KEY', defaultRateLimits.perKey),
    perIp: read('OMNIFLOW_RATE_LIMIT_PER_IP', defaultRateLimits.perIp),
  };
}

/**
 * Provider webhooks come from a few addresses of the provider's, many at once, and are checked by
 * their signatures; counting them per address would drop citizens' messages. Mail tracking links
 * likewise: a webmail's image proxy fetches every open of a campaign from a handful of addresses.
 */
const unlimitedPaths = /^\/api\/v1\/(webhooks|email-links|hooks)\//;

/**
 * The two limits as middlewares: `perIp` before anything else (a flood of bad keys costs no
 * database look-up), `perKey` after the caller is known. Buckets live in this process, so with N
 * API replicas behind a balancer that spreads a client's requests a client gets up to N times the
 * limit: set the limits to the total divided by N (README "Rate limits").
 */
export function rateLimiters(deps: AppDeps) {
  const limits = deps.rateLimits ?? rateLimitsFromEnv(process.env);
  const now = () => (deps.now?.() ?? new Date()).getTime();
  const trustProxy = deps.trustProxy ?? process.env.OMNIFLOW_TRUST_PROXY === '1';
  const byIp = limits.perIp > 0 ? createTokenBuckets({ capacity: limits.perIp, now }) : undefined;
  const byKey = limits.perKey > 0 ? createTokenBuckets({ capacity: limits.perKey, now }) : undefined;

  const refuse = (
    c: { header: (name: string, value: string) => void },
    waitMs: number,
    who: string,
    limit: number,
  ) => {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    c.header('Retry-After', String(seconds));
    return new ApiError(
      429,
      'RATE_LIMITED',
      `Too many requests ${who}: at most ${limit} a minute. Try again in ${seconds} s`,
      { retryAfterSeconds: seconds, limitPerMinute: limit },
    );
  };

  const perIp: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (byIp && !unlimitedPaths.test(c.req.path)) {
      const waitMs = byIp.take(clientAddress(c, trustProxy));
      if (waitMs > 0) throw refuse(c, waitMs, 'from this address', limits.perIp);
    }
    return next();
  };

  const perKey: MiddlewareHandler<AppEnv> = async (c, next) => {
    const principal = c.get('principal');
    const credential = principal?.apiKeyId ?? principal?.oauthClientId;
    if (byKey && credential) {
      const waitMs = byKey.take(credential);
      if (waitMs > 0)
        throw refuse(
          c,
          waitMs,
          principal.apiKeyId ? 'with this API key' : 'by this OAuth client',
          limits.perKey,
        );
    }
    return next();
  };

  return { perIp, perKey };
}

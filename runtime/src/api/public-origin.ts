import type { AppDeps } from './app-deps.ts';

/** The origin people reach this install at, when set (`publicUrl`, else OMNIFLOW_PUBLIC_URL). */
export function publicOrigin(
  deps: Pick<AppDeps, 'publicUrl'>,
  env: Record<string, string | undefined> = process.env,
): string | undefined {
  const url = deps.publicUrl ?? env.OMNIFLOW_PUBLIC_URL;
  if (!url) return undefined;
  if (!URL.canParse(url))
    throw new Error(`OMNIFLOW_PUBLIC_URL must be an origin like https://omniflow.example.com (got "${url}")`);
  return new URL(url).origin;
}

/**
 * Whether the session cookie gets `Secure`: when the public origin is https, unless
 * OMNIFLOW_SECURE_COOKIES says otherwise (`1`: https in front but no public URL set; `0`: a
 * browser on plain http, e.g. `omniflow dev` with a tunnel's https URL). A request that itself came
 * over https always does (routes/auth.ts).
 */
export function secureCookiesOf(
  deps: Pick<AppDeps, 'publicUrl' | 'secureCookies'>,
  env: Record<string, string | undefined> = process.env,
): boolean {
  if (deps.secureCookies !== undefined) return deps.secureCookies;
  if (env.OMNIFLOW_SECURE_COOKIES === '1' || env.OMNIFLOW_SECURE_COOKIES === '0')
    return env.OMNIFLOW_SECURE_COOKIES === '1';
  return publicOrigin(deps, env)?.startsWith('https:') === true;
}

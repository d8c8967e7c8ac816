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
 * Whether the session cookie gets `Secure`: when the public origin is https, or
 * OMNIFLOW_SECURE_COOKIES=1 says so (https in front, no public URL set); a request that itself came
 * over https always does.
 */
export function secureCookiesOf(
  deps: Pick<AppDeps, 'publicUrl' | 'secureCookies'>,
  env: Record<string, string | undefined> = process.env,
): boolean {
  return (
    deps.secureCookies ??
    (env.OMNIFLOW_SECURE_COOKIES === '1' || publicOrigin(deps, env)?.startsWith('https:') === true)
  );
}

import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { ApiError } from './api-error.ts';
import type { AppDeps } from './app-deps.ts';
import { bearerPrincipal } from './bearer-principal.ts';
import { principalMay } from './principal-permissions.ts';
import { scopesAllow } from '../auth/scopes.ts';
import { openSecrets } from '../credentials/secret-box.ts';
import { lazyKeyring, loadSecretKeyring } from '../credentials/secret-keyring.ts';
import type { HookTarget } from '../hooks/hook-target.ts';
import type { HookTextKey } from './hook-text.ts';
import { hookSecretContext } from '../hooks/hook-secret-store.ts';

/** Why a caller was refused: nothing has been started or recorded for it. */
export interface HookRefusal {
  status: 401 | 403;
  code: string;
  key: HookTextKey;
  params?: Record<string, string>;
}

/** The hex HMAC-SHA256 a caller sends, bare or as GitHub's `sha256=<hex>`. */
const signaturePattern = /^(?:sha256=)?([0-9a-f]{64})$/i;

export function hmacMatches(secret: string, raw: Uint8Array, sent: string): boolean {
  const match = signaturePattern.exec(sent.trim());
  if (!match?.[1]) return false;
  const expected = createHmac('sha256', secret).update(raw).digest();
  return timingSafeEqual(expected, Buffer.from(match[1], 'hex'));
}

/**
 * Checks the caller as the trigger asks, before the body is read or a run row written:
 * - `apiKey`: an Omniflow API key (Authorization: Bearer) of the hook's workspace, whose scopes
 *   and role allow starting runs — revocable, expiring and audited like every key, found in the
 *   key cache (no query per request), and never written into the flow's graph;
 * - `hmac`: the body's HMAC-SHA256 with the flow's sealed secret, in the configured header,
 *   compared in constant time.
 */
export async function refuseHookCaller(
  deps: AppDeps,
  c: Context,
  target: HookTarget,
  raw: Uint8Array,
  sealedSecret: { sealed: string; keyId: string } | undefined,
): Promise<HookRefusal | undefined> {
  const { auth, signatureHeader } = target.trigger;
  if (auth === 'apiKey') {
    const header = c.req.header('authorization');
    if (!header) return { status: 401, code: 'API_KEY_MISSING', key: 'keyMissing' };
    let principal;
    try {
      principal = await bearerPrincipal(deps, c, header);
    } catch (error) {
      if (error instanceof ApiError) return { status: 401, code: 'API_KEY_INVALID', key: 'keyInvalid' };
      throw error;
    }
    if (principal.workspaceId !== target.workspaceId)
      return { status: 403, code: 'API_KEY_ELSEWHERE', key: 'keyElsewhere' };
    if (!principalMay(principal, 'runs:start') || !scopesAllow(principal.scopes ?? ['admin'], 'runs:write'))
      return { status: 403, code: 'API_KEY_SCOPE', key: 'keyScope' };
    return undefined;
  }
  if (auth === 'hmac') {
    const params = { header: signatureHeader };
    const sent = c.req.header(signatureHeader);
    if (!sent) return { status: 401, code: 'SIGNATURE_MISSING', key: 'signatureMissing', params };
    if (!sealedSecret) return { status: 403, code: 'HOOK_SECRET_MISSING', key: 'secretMissing' };
    const keyring = deps.secretKeyring ?? defaultKeyring;
    const { secret } = openSecrets(
      keyring(),
      sealedSecret,
      hookSecretContext(target.workspaceId, target.flowId),
    );
    if (!secret || !hmacMatches(secret, raw, sent))
      return { status: 401, code: 'SIGNATURE_INVALID', key: 'signatureInvalid', params };
  }
  return undefined;
}

const defaultKeyring = lazyKeyring(() => loadSecretKeyring());

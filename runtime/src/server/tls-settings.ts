import { readFileSync } from 'node:fs';
import type { SecureContextOptions, TlsOptions } from 'node:tls';

export interface TlsSettings {
  /** For node:https: the PEM certificate chain and key, TLS 1.2 at least. */
  serverOptions: TlsOptions & SecureContextOptions;
  /** A plain-http port that only redirects to https (OMNIFLOW_HTTP_REDIRECT_PORT), when set. */
  redirectPort?: number;
}

function readPem(path: string, name: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new Error(`${name} names ${path}, which cannot be read (${(error as Error).message})`);
  }
}

/**
 * HTTPS served directly when OMNIFLOW_TLS_CERT and OMNIFLOW_TLS_KEY name PEM files; undefined
 * (plain http, e.g. behind a proxy that ends TLS) when neither is set. One without the other is a
 * mistake the start refuses rather than silently serving plain http.
 */
export function tlsSettingsFromEnv(env: Record<string, string | undefined>): TlsSettings | undefined {
  const certPath = env.OMNIFLOW_TLS_CERT?.trim();
  const keyPath = env.OMNIFLOW_TLS_KEY?.trim();
  const redirect = env.OMNIFLOW_HTTP_REDIRECT_PORT?.trim();
  if (!certPath && !keyPath) {
    if (redirect)
      throw new Error(
        'OMNIFLOW_HTTP_REDIRECT_PORT redirects to https: set OMNIFLOW_TLS_CERT and OMNIFLOW_TLS_KEY too',
      );
    return undefined;
  }
  if (!certPath || !keyPath)
    throw new Error('Set both OMNIFLOW_TLS_CERT and OMNIFLOW_TLS_KEY (PEM files) to serve https, or neither');
  const redirectPort = redirect === undefined || redirect === '' ? undefined : Number(redirect);
  if (
    redirectPort !== undefined &&
    !(Number.isInteger(redirectPort) && redirectPort > 0 && redirectPort < 65536)
  )
    throw new Error(`OMNIFLOW_HTTP_REDIRECT_PORT must be a port number (got "${redirect}")`);
  return {
    serverOptions: {
      cert: readPem(certPath, 'OMNIFLOW_TLS_CERT'),
      key: readPem(keyPath, 'OMNIFLOW_TLS_KEY'),
      // TLS 1.0/1.1 are deprecated (RFC 8996). Node negotiates 1.3 first when the client offers it.
      minVersion: 'TLSv1.2',
      maxVersion: 'TLSv1.3',
    },
    ...(redirectPort === undefined ? {} : { redirectPort }),
  };
}

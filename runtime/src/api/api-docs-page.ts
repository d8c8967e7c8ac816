import type { OpenAPIObject } from 'openapi3-ts/oas31';

const methods = ['get', 'put', 'post', 'delete', 'patch'] as const;

const escape = (text: string) => text.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A self-contained API reference page (no CDN): every operation with its summary. */
export function apiDocsPage(spec: OpenAPIObject): string {
  const rows = Object.entries(spec.paths ?? {})
    .flatMap(([path, item]) =>
      methods.flatMap((method) => {
        const op = item[method];
        return op
          ? [
              `<tr><td><code>${method.toUpperCase()}</code></td><td><code>/api/v1${escape(path)}</code></td><td>${escape(op.summary ?? '')}</td></tr>`,
            ]
          : [];
      }),
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(spec.info.title)} API</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem}td{padding:.3rem .6rem;border-bottom:1px solid #e5e7eb}code{font-size:.9em}</style>
</head><body><h1>${escape(spec.info.title)} API ${escape(spec.info.version)}</h1>
<p>Machine-readable spec / especificación: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
Authenticate with <code>Authorization: Bearer &lt;api key&gt;</code> or the session cookie from <code>POST /api/v1/auth/login</code>.</p>
<table>${rows}</table></body></html>`;
}

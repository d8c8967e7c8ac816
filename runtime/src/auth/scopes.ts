/**
 * What an API key or an OAuth client may call, within the role it acts with. A scope only ever
 * narrows: a route also checks the role (require-role.ts), so `admin` on an operator's key is
 * still an operator's key. A key made without scopes has them all (keys from before scopes).
 */
export const apiScopes = ['read', 'messages:send', 'runs:write', 'flows:write', 'admin'] as const;
export type ApiScope = (typeof apiScopes)[number];

export const isApiScope = (value: string): value is ApiScope =>
  (apiScopes as readonly string[]).includes(value);

/**
 * What each scope lets a caller do, for the API reference and the README. Writes that no narrower
 * scope names (settings, channels, contacts, segments, campaigns, quotas, keys) need `admin`.
 */
export const scopeDescriptions: Record<ApiScope, string> = {
  read: 'Read anything (every GET, and POSTs that only compute an answer: previews, counts, validation), except configuration only admins see (keys, OAuth clients, channels, DKIM keys, mailboxes, the status webhook).',
  'messages:send': 'Send messages: POST /messages and replies in conversations.',
  'runs:write':
    'Start, signal, cancel, replay and bulk-operate runs, start test runs, and start, pause, resume or cancel campaigns.',
  'flows:write':
    'Create, edit, validate, publish and delete flows and their versions, flows from templates, message templates and recorded prompts.',
  admin: 'Everything the key’s role allows.',
};

/** A route's need: a scope, or `any` for routes every caller may use (who am I). */
type Need = ApiScope | 'any';

/**
 * First match wins, over the OpenAPI path (`/flows/{id}`, relative to /api/v1). Unmatched: a GET
 * needs `read`, anything else `admin`, so a new write route is closed to narrow keys until named.
 */
const rules: { methods: readonly string[] | '*'; path: RegExp; need: Need }[] = [
  { methods: ['GET'], path: /^\/auth\/me$/, need: 'any' },
  {
    methods: '*',
    path: /^\/(api-keys|oauth-clients|channels|dkim-keys|mail\/mailboxes|workspace\/webhook)(\/|$)/,
    need: 'admin',
  },
  { methods: ['POST'], path: /^\/(messages|conversations\/\{id\}\/messages)$/, need: 'messages:send' },
  {
    methods: ['POST'],
    path: /^\/(runs|runs\/bulk|runs\/\{id\}\/(events|cancel|replay|skip-wait)|flows\/\{id\}\/test-runs|campaigns\/\{id\}\/(start|pause|resume|cancel))$/,
    need: 'runs:write',
  },
  {
    methods: ['POST'],
    path: /^\/(runs\/bulk\/preview|flows\/\{id\}\/(validate|what-if)|segments\/(count|preview)|templates\/preview|contact-imports\/preview)$/,
    need: 'read',
  },
  {
    methods: ['POST', 'PUT', 'PATCH', 'DELETE'],
    path: /^\/(flows(\/\{id\}(\/publish)?)?|flow-templates\/\{id\}\/flows|templates(\/\{id\})?|voice-prompts(\/\{id\})?)$/,
    need: 'flows:write',
  },
];

/** The scope a call needs: `method` as sent, `path` the OpenAPI path relative to /api/v1. */
export function scopeNeeded(method: string, path: string): Need {
  const verb = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  const rule = rules.find((r) => (r.methods === '*' || r.methods.includes(verb)) && r.path.test(path));
  if (rule) return rule.need;
  return verb === 'GET' ? 'read' : 'admin';
}

/** Whether a caller holding `scopes` may call the route; `admin` holds every scope. */
export function scopesAllow(scopes: readonly ApiScope[], need: Need): boolean {
  return need === 'any' || scopes.includes('admin') || scopes.includes(need);
}

/** Scopes in one order and without repeats, as stored and as answered. */
export const normalizeScopes = (scopes: readonly ApiScope[]): ApiScope[] =>
  apiScopes.filter((scope) => scopes.includes(scope));

/**
 * Field names whose values never reach the audit log: sealed secrets, password and token hashes,
 * private keys. `secretNames` (which secrets are set) and a graph's `hash` stay: they tell what
 * changed without telling the secret.
 */
const secretField =
  /^(password|secret|token|authtoken|apikey|privatekey|accesstoken|clientsecret)$|(sealed|passwordhash|keyhash|tokenhash|secret|password|token|privatekey)$/i;

export const redacted = '[redacted]';

/** A copy of `value` with every secret field's value replaced, at any depth. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value instanceof Date) return value.toISOString();
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      secretField.test(key) && inner !== null && inner !== undefined && inner !== ''
        ? redacted
        : redactSecrets(inner),
    ]),
  );
}

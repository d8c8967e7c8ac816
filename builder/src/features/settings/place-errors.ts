import { ApiError } from '../../api/client.ts';

/** An API refusal split into what belongs beside a field (by field key) and what goes on top. */
export interface PlacedErrors {
  top: string | null;
  fields: Record<string, string>;
}

interface Issue {
  path: string;
  message: string;
}

const isIssue = (value: unknown): value is Issue =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Issue).path === 'string' &&
  typeof (value as Issue).message === 'string';

/**
 * A 400 names its fields in `details.issues[].path` (`config.host`); a 422 SECRETS_MISSING lists
 * `details.missing`. Those land beside the inputs the form shows; anything else (a rule over two
 * fields, PROVIDER_NOT_FOR_CHANNEL, a network failure) is shown on top, never dropped.
 */
export function placeErrors(error: unknown, fieldKeys: readonly string[]): PlacedErrors {
  const message = error instanceof Error ? error.message : String(error);
  if (!(error instanceof ApiError)) return { top: message, fields: {} };
  const details = (error.details ?? {}) as { issues?: unknown; missing?: unknown; fields?: unknown };
  const fields: Record<string, string> = {};
  const unplaced: string[] = [];
  const place = (path: string, text: string) => {
    if (fieldKeys.includes(path) && !fields[path]) fields[path] = text;
    else unplaced.push(path && !fieldKeys.includes(path) ? `${path}: ${text}` : text);
  };
  if (Array.isArray(details.issues)) {
    for (const issue of details.issues.filter(isIssue)) place(issue.path, issue.message);
  } else if (error.code === 'CHANNEL_SETTINGS_INVALID' && Array.isArray(details.fields)) {
    // What the driver's rules refused (a sending limit out of range), named `config.x` the same way.
    for (const f of details.fields)
      if (typeof f?.field === 'string' && typeof f?.message === 'string') place(f.field, f.message);
  } else if (error.code === 'SECRETS_MISSING' && Array.isArray(details.missing)) {
    for (const name of details.missing.filter((m): m is string => typeof m === 'string'))
      place(`secrets.${name}`, message);
  } else {
    unplaced.push(message);
  }
  return { top: unplaced.length > 0 ? unplaced.join('; ') : null, fields };
}

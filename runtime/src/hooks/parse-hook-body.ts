import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MAX_REQUEST_JSON_DEPTH, findUnstorableText } from '../limits/storable-json.ts';

/** Why a body was refused (400), named for api/hook-text.ts, with its parameters. */
export type HookBodyProblem =
  'invalidJson' | 'invalidXml' | 'xmlDoctype' | 'invalidForm' | 'tooDeep' | 'unstorable';

export class HookBodyError extends Error {
  constructor(
    readonly key: HookBodyProblem,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Values stay text, as they were sent: "007" is a code, not 7.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

const mediaType = (contentType: string) => contentType.split(';')[0]!.trim().toLowerCase();

/** Repeated names become lists, as forms send multiple choices. */
function collect(entries: Iterable<[string, unknown]>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of entries) {
    const before = fields[name];
    fields[name] =
      before === undefined ? value : Array.isArray(before) ? [...before, value] : [before, value];
  }
  return fields;
}

function depthOf(value: unknown, limit: number, depth = 0): number {
  if (depth > limit || value === null || typeof value !== 'object') return depth;
  let deepest = depth + 1;
  for (const item of Object.values(value)) deepest = Math.max(deepest, depthOf(item, limit, depth + 1));
  return deepest;
}

/**
 * The request body as the flow sees it: JSON parsed, a form (urlencoded or multipart; files
 * by their name, type and size) as its fields, XML as an object (attributes under `@name`,
 * text beside them as `#text`), other text as text, nothing as null.
 */
export async function parseHookBody(raw: Uint8Array, contentType: string | undefined): Promise<unknown> {
  if (raw.byteLength === 0) return null;
  const type = mediaType(contentType ?? '');
  const text = () => new TextDecoder().decode(raw);
  let body: unknown;
  if (type === 'application/json' || type.endsWith('+json')) {
    try {
      body = JSON.parse(text());
    } catch {
      throw new HookBodyError('invalidJson');
    }
  } else if (type === 'application/x-www-form-urlencoded') {
    body = collect(new URLSearchParams(text()));
  } else if (type === 'multipart/form-data') {
    let form: FormData;
    try {
      form = await new Response(raw, { headers: { 'content-type': contentType ?? '' } }).formData();
    } catch (error) {
      throw new HookBodyError('invalidForm', {
        reason: error instanceof Error ? error.message : String(error),
      });
    }
    body = collect(
      [...form.entries()].map(([name, value]): [string, unknown] => [
        name,
        typeof value === 'string' ? value : { filename: value.name, type: value.type, size: value.size },
      ]),
    );
  } else if (type === 'application/xml' || type === 'text/xml' || type.endsWith('+xml')) {
    const source = text();
    if (/<!DOCTYPE/i.test(source)) throw new HookBodyError('xmlDoctype');
    const valid = XMLValidator.validate(source);
    if (valid !== true) throw new HookBodyError('invalidXml', { reason: valid.err.msg });
    body = xml.parse(source);
  } else {
    body = text();
  }
  if (depthOf(body, MAX_REQUEST_JSON_DEPTH) > MAX_REQUEST_JSON_DEPTH)
    throw new HookBodyError('tooDeep', { depth: MAX_REQUEST_JSON_DEPTH });
  const unstorable = findUnstorableText(body);
  if (unstorable) throw new HookBodyError('unstorable', { reason: unstorable.reason });
  return body;
}

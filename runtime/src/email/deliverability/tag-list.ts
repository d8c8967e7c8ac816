/** A parsed `tag=value; tag=value` record, in the order written. */
export type TagList = [name: string, value: string][];

/**
 * Reads a DKIM key record or a DMARC record: both are tag lists (RFC 6376 §3.2, RFC 7489 §6.4).
 * Whitespace around names and values is dropped; an empty part (a trailing `;`) is allowed.
 * A malformed part or a tag given twice makes the whole list invalid (RFC 6376 §3.2); `part` is
 * the text at fault, in the record's own words, so any language can quote it.
 */
export function parseTagList(
  text: string,
  options: { lowerCaseNames?: boolean } = {},
): { ok: true; tags: TagList } | { ok: false; part: string } {
  const tags: TagList = [];
  for (const part of text.split(';')) {
    if (part.trim() === '') continue;
    const equals = part.indexOf('=');
    const rawName = equals < 0 ? part.trim() : part.slice(0, equals).trim();
    const name = options.lowerCaseNames ? rawName.toLowerCase() : rawName;
    if (equals < 0 || !/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) return { ok: false, part: part.trim() };
    if (tags.some(([seen]) => seen === name)) return { ok: false, part: part.trim() };
    tags.push([name, part.slice(equals + 1).trim()]);
  }
  return { ok: true, tags };
}

export const tagValue = (tags: TagList, name: string): string | undefined =>
  tags.find(([tag]) => tag === name)?.[1];

export const formatTagList = (tags: TagList): string =>
  tags.map(([name, value]) => `${name}=${value}`).join('; ');

// Reading and editing an SPF record's terms (RFC 7208 §4.6.1: `v=spf1` then terms separated by spaces).

/** RFC 7208 §4.5: a TXT record is an SPF record when it is `v=spf1` alone or followed by a space. */
export const isSpfRecord = (txt: string): boolean => /^v=spf1( |$)/i.test(txt.trim());

export const spfTerms = (record: string): string[] => record.trim().split(/\s+/).slice(1);

/** `all` and `+all`: every server on the internet may send as the domain. */
export const passesEveryone = (record: string): boolean =>
  spfTerms(record).some((term) => /^\+?all$/i.test(term));

const isAll = (term: string) => /^[+?~-]?all$/i.test(term);
const isRedirect = (term: string) => /^redirect=/i.test(term);

/**
 * The record with `mechanism` added first: mechanisms are tried left to right (RFC 7208 §4.6.2),
 * so it counts before any `all` and before a `redirect=` is followed. A `+all` becomes `~all`.
 */
export function withMechanism(record: string, mechanism: string | undefined): string {
  const terms = spfTerms(record)
    .map((term) => (/^\+?all$/i.test(term) ? '~all' : term))
    .filter((term) => term.toLowerCase() !== mechanism?.toLowerCase());
  return ['v=spf1', ...(mechanism ? [mechanism] : []), ...terms].join(' ');
}

/**
 * One record from several (RFC 7208 §3.2: a domain has at most one): our mechanism, then every
 * other mechanism each of them had, once, ending in `~all`.
 */
export function mergedSpfRecord(records: string[], mechanism: string | undefined): string {
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const term of [...(mechanism ? [mechanism] : []), ...records.flatMap(spfTerms)]) {
    if (isAll(term) || isRedirect(term) || seen.has(term.toLowerCase())) continue;
    seen.add(term.toLowerCase());
    terms.push(term);
  }
  return ['v=spf1', ...terms, '~all'].join(' ');
}

/** The domains a record sends SPF evaluation on to: its `include:`s and `redirect=`. */
export const spfReferences = (record: string): string[] =>
  spfTerms(record).flatMap((term) => {
    const match = /^(?:[+?~-]?include:|redirect=)(.+)$/i.exec(term);
    return match?.[1] ? [match[1].toLowerCase().replace(/\.$/, '')] : [];
  });

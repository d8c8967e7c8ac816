import { dkimRecordKeyOf, dkimRecordValue, samePublishedKey, type DkimRecordKey } from './dkim-public-key.ts';
import type { DnsLookup } from './dns-lookup.ts';
import { parseTagList, tagValue } from './tag-list.ts';
import { finding, recordCheck, type HeldDkimKey, type RecordCheck } from './types.ts';

/** What is wrong with a key record, or undefined when it carries a usable key (RFC 6376 §3.6.1). */
function recordProblem(text: string, held: DkimRecordKey) {
  const parsed = parseTagList(text);
  if (!parsed.ok) return finding('DKIM_INVALID', { detail: parsed.part });
  const { tags } = parsed;
  // v= is optional, but when present it must be first and exactly DKIM1.
  const version = tagValue(tags, 'v');
  if (version !== undefined && (tags[0]?.[0] !== 'v' || version !== 'DKIM1'))
    return finding('DKIM_INVALID', { detail: 'v=DKIM1' });
  const p = tagValue(tags, 'p');
  if (p === undefined) return finding('DKIM_INVALID', { detail: 'p=' });
  if (p.replace(/\s+/g, '') === '') return finding('DKIM_REVOKED', {});
  // k= defaults to rsa.
  const k = tagValue(tags, 'k') ?? 'rsa';
  if (k !== held.k || !samePublishedKey(p, held)) return finding('DKIM_KEY_MISMATCH');
  return undefined;
}

/** DKIM (RFC 6376): the selector's key record publishes the key Omniflow signs with. */
export async function checkDkim(
  lookup: DnsLookup,
  domain: string,
  heldKey: HeldDkimKey | undefined,
): Promise<RecordCheck> {
  if (!heldKey) return recordCheck('dkim', [finding('DKIM_NO_KEY', { domain })], []);
  const name = `${heldKey.selector}._domainkey.${domain}`;
  const params = { domain, selector: heldKey.selector, name };
  let held: DkimRecordKey;
  try {
    held = dkimRecordKeyOf(heldKey.publicKey);
  } catch (error) {
    return recordCheck(
      'dkim',
      [
        finding('DKIM_HELD_KEY_UNREADABLE', {
          ...params,
          detail: error instanceof Error ? error.message : String(error),
        }),
      ],
      [],
    );
  }
  const published = await lookup.txt(name);
  const value = dkimRecordValue(held);
  const record = (replaces?: string) => ({
    name,
    type: 'TXT' as const,
    value,
    ...(replaces ? { replaces } : {}),
  });

  if (published.length === 0)
    return recordCheck('dkim', [finding('DKIM_MISSING', params)], published, record());
  // RFC 6376 §3.6.2.2: with several records a verifier may pick any; one must be left.
  if (published.length > 1)
    return recordCheck(
      'dkim',
      [finding('DKIM_MULTIPLE', { ...params, count: String(published.length) })],
      published,
      record(),
    );
  const current = published[0]!;
  const problem = recordProblem(current, held);
  if (problem)
    return recordCheck(
      'dkim',
      [{ ...problem, params: { ...params, ...problem.params } }],
      published,
      record(current),
    );

  const parsed = parseTagList(current);
  const flags = parsed.ok ? (tagValue(parsed.tags, 't') ?? '').split(':').map((f) => f.trim()) : [];
  // t=y: the domain is testing DKIM, and verifiers may treat signed mail as unsigned (§3.6.1).
  return recordCheck(
    'dkim',
    flags.includes('y')
      ? [finding('DKIM_OK', params), finding('DKIM_TESTING', params)]
      : [finding('DKIM_OK', params)],
    published,
    flags.includes('y') ? record(current) : undefined,
  );
}

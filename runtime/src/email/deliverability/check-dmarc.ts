import { getDomain } from 'tldts';
import type { DnsLookup } from './dns-lookup.ts';
import { formatTagList, parseTagList, tagValue, type TagList } from './tag-list.ts';
import { finding, recordCheck, type Finding, type RecordCheck } from './types.ts';

const policies = ['none', 'quarantine', 'reject'] as const;
type Policy = (typeof policies)[number];
const isPolicy = (value: string | undefined): value is Policy =>
  policies.some((p) => p === value?.toLowerCase());

const policyFinding = {
  none: 'DMARC_POLICY_NONE',
  quarantine: 'DMARC_POLICY_QUARANTINE',
  reject: 'DMARC_POLICY_REJECT',
} as const;

// RFC 7489 §6.6.3: only TXT records starting with v=DMARC1 count.
const dmarcRecords = async (lookup: DnsLookup, domain: string) =>
  (await lookup.txt(`_dmarc.${domain}`)).filter((txt) => /^v=DMARC1\s*(;|$)/i.test(txt.trim()));

/**
 * The part of the record at fault, if any (RFC 7489 §6.3): v= first, p= none/quarantine/reject,
 * pct 0–100.
 */
function recordProblem(tags: TagList): string | undefined {
  if (tags[0]?.[0] !== 'v') return 'v=DMARC1';
  const p = tagValue(tags, 'p');
  if (p === undefined) return 'p=';
  if (!isPolicy(p)) return `p=${p}`;
  const sp = tagValue(tags, 'sp');
  if (sp !== undefined && !isPolicy(sp)) return `sp=${sp}`;
  const pct = tagValue(tags, 'pct');
  if (pct !== undefined && !(/^\d{1,3}$/.test(pct) && Number(pct) <= 100)) return `pct=${pct}`;
  return undefined;
}

/** The record with its mistakes put right: v=DMARC1 first, a policy that exists (none when not). */
function correctedRecord(tags: TagList): string {
  const kept = tags.filter(([name, value]) => {
    if (name === 'v') return false;
    if (name === 'p' || name === 'sp') return isPolicy(value);
    if (name === 'pct') return /^\d{1,3}$/.test(value) && Number(value) <= 100;
    return true;
  });
  const withPolicy: TagList = kept.some(([name]) => name === 'p') ? kept : [['p', 'none'], ...kept];
  return formatTagList([['v', 'DMARC1'], ...withPolicy]);
}

/**
 * DMARC (RFC 7489): one record at `_dmarc.<domain>`, or else at the organizational domain's
 * (§6.6.3, found with the Public Suffix List), with a policy receivers can apply.
 */
export async function checkDmarc(lookup: DnsLookup, domain: string): Promise<RecordCheck> {
  const name = `_dmarc.${domain}`;
  let found = await dmarcRecords(lookup, domain);
  let at = domain;
  const organizational = getDomain(domain, { allowPrivateDomains: true }) ?? domain;
  if (found.length === 0 && organizational !== domain) {
    found = await dmarcRecords(lookup, organizational);
    at = organizational;
  }
  const inherited = at !== domain;

  if (found.length === 0)
    return recordCheck('dmarc', [finding('DMARC_MISSING', { domain, name })], [], {
      name,
      type: 'TXT',
      value: 'v=DMARC1; p=none',
    });
  // §6.6.3: with more than one record no policy applies at all.
  if (found.length > 1) {
    const first = parseTagList(found[0]!, { lowerCaseNames: true });
    return recordCheck(
      'dmarc',
      [finding('DMARC_MULTIPLE', { domain, name: `_dmarc.${at}`, count: String(found.length) })],
      found,
      {
        name: `_dmarc.${at}`,
        type: 'TXT',
        value: first.ok ? correctedRecord(first.tags) : 'v=DMARC1; p=none',
      },
    );
  }
  const current = found[0]!;
  const parsed = parseTagList(current, { lowerCaseNames: true });
  const problem = parsed.ok ? recordProblem(parsed.tags) : parsed.part;
  if (!parsed.ok || problem) {
    return recordCheck(
      'dmarc',
      [finding('DMARC_INVALID', { domain, name: `_dmarc.${at}`, detail: problem ?? '' })],
      found,
      {
        name: `_dmarc.${at}`,
        type: 'TXT',
        value: parsed.ok ? correctedRecord(parsed.tags) : 'v=DMARC1; p=none',
        replaces: current,
      },
    );
  }
  const p = tagValue(parsed.tags, 'p');
  const sp = tagValue(parsed.tags, 'sp');
  // A subdomain under its organizational domain's record gets sp= when it is set (§6.3).
  const applied = (inherited && sp !== undefined ? sp : p)?.toLowerCase();
  const policy = isPolicy(applied) ? applied : 'none';
  const findings: [Finding, ...Finding[]] = [
    finding(policyFinding[policy], { domain, name: `_dmarc.${at}` }),
  ];
  if (inherited) findings.push(finding('DMARC_INHERITED', { domain, organizationalDomain: at }));
  const pct = tagValue(parsed.tags, 'pct');
  if (policy !== 'none' && pct !== undefined && Number(pct) < 100)
    findings.push(finding('DMARC_PARTIAL', { domain, percent: pct }));
  return recordCheck('dmarc', findings, found);
}

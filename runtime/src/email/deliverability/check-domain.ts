import { checkDkim } from './check-dkim.ts';
import { checkDmarc } from './check-dmarc.ts';
import { checkMx } from './check-mx.ts';
import { checkSpf } from './check-spf.ts';
import { DnsLookupError, type DnsLookup } from './dns-lookup.ts';
import {
  finding,
  recordCheck,
  type DeliverabilityReport,
  type HeldDkimKey,
  type RecordCheck,
  type RecordKind,
  type SendingServer,
} from './types.ts';

export interface DomainCheckInput {
  domain: string;
  server?: SendingServer;
  dkimKey?: HeldDkimKey;
  lookup: DnsLookup;
  now?: () => Date;
}

/** A check DNS could not answer is unknown, never "missing": nothing was learnt about it. */
async function orUnknown(kind: RecordKind, run: () => Promise<RecordCheck>): Promise<RecordCheck> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof DnsLookupError)) throw error;
    return recordCheck(kind, [finding('DNS_FAILED', { name: error.query, reason: error.reason })], []);
  }
}

/** SPF, DKIM, DMARC and MX of a sending domain, looked up at once. */
export async function checkDomain(input: DomainCheckInput): Promise<DeliverabilityReport> {
  const { domain, server, dkimKey, lookup } = input;
  const checks = await Promise.all([
    orUnknown('spf', () => checkSpf(lookup, domain, server)),
    orUnknown('dkim', () => checkDkim(lookup, domain, dkimKey)),
    orUnknown('dmarc', () => checkDmarc(lookup, domain)),
    orUnknown('mx', () => checkMx(lookup, domain, server)),
  ]);
  return {
    domain,
    checkedAt: (input.now?.() ?? new Date()).toISOString(),
    sendingServer: server ?? null,
    checks,
  };
}

// What a deliverability check answers: codes and parameters, never sentences. The builder turns
// each finding into plain words in the reader's language (features/settings/deliverability-*).

export const recordKinds = ['spf', 'dkim', 'dmarc', 'mx'] as const;
export type RecordKind = (typeof recordKinds)[number];

/** `unknown`: the check could not be made (DNS did not answer, the sending server is not known). */
export const checkStatuses = ['ok', 'unknown', 'warning', 'error'] as const;
export type CheckStatus = (typeof checkStatuses)[number];

/** Every finding a check can report. */
export const findingCodes = [
  'DNS_FAILED',
  'SPF_OK',
  'SPF_MISSING',
  'SPF_MULTIPLE',
  'SPF_INVALID',
  'SPF_TOO_MANY_LOOKUPS',
  'SPF_ALLOWS_EVERYONE',
  'SPF_SERVER_NOT_ALLOWED',
  'SPF_SERVER_UNKNOWN',
  'SPF_SERVER_PRIVATE',
  'SPF_SERVER_UNRESOLVED',
  'DKIM_OK',
  'DKIM_NO_KEY',
  'DKIM_HELD_KEY_UNREADABLE',
  'DKIM_MISSING',
  'DKIM_MULTIPLE',
  'DKIM_INVALID',
  'DKIM_REVOKED',
  'DKIM_KEY_MISMATCH',
  'DKIM_TESTING',
  'DMARC_POLICY_REJECT',
  'DMARC_POLICY_QUARANTINE',
  'DMARC_POLICY_NONE',
  'DMARC_INHERITED',
  'DMARC_PARTIAL',
  'DMARC_MISSING',
  'DMARC_MULTIPLE',
  'DMARC_INVALID',
  'MX_OK',
  'MX_MISSING',
  'MX_NULL',
  'MX_HOST_IS_ADDRESS',
  'MX_HOST_UNRESOLVED',
] as const;
export type FindingCode = (typeof findingCodes)[number];

/** How bad each finding is; a check's status is its worst finding's. */
export const findingSeverity: Record<FindingCode, CheckStatus> = {
  DNS_FAILED: 'unknown',
  SPF_OK: 'ok',
  SPF_MISSING: 'error',
  SPF_MULTIPLE: 'error',
  SPF_INVALID: 'error',
  SPF_TOO_MANY_LOOKUPS: 'error',
  SPF_ALLOWS_EVERYONE: 'error',
  SPF_SERVER_NOT_ALLOWED: 'error',
  SPF_SERVER_UNKNOWN: 'unknown',
  SPF_SERVER_PRIVATE: 'unknown',
  SPF_SERVER_UNRESOLVED: 'unknown',
  DKIM_OK: 'ok',
  DKIM_NO_KEY: 'error',
  DKIM_HELD_KEY_UNREADABLE: 'error',
  DKIM_MISSING: 'error',
  DKIM_MULTIPLE: 'error',
  DKIM_INVALID: 'error',
  DKIM_REVOKED: 'error',
  DKIM_KEY_MISMATCH: 'error',
  DKIM_TESTING: 'warning',
  DMARC_POLICY_REJECT: 'ok',
  DMARC_POLICY_QUARANTINE: 'ok',
  DMARC_POLICY_NONE: 'ok',
  DMARC_INHERITED: 'ok',
  DMARC_PARTIAL: 'warning',
  DMARC_MISSING: 'error',
  DMARC_MULTIPLE: 'error',
  DMARC_INVALID: 'error',
  MX_OK: 'ok',
  MX_MISSING: 'warning',
  MX_NULL: 'warning',
  MX_HOST_IS_ADDRESS: 'error',
  MX_HOST_UNRESOLVED: 'error',
};

/** One thing a check found; `params` fill the builder's sentence for `code`. */
export interface Finding {
  code: FindingCode;
  params: Record<string, string>;
}

/** A DNS record exactly as it should be published (added, or put in place of `replaces`). */
export interface RecordToPublish {
  name: string;
  type: 'TXT' | 'MX';
  value: string;
  /** The published record this one replaces; absent when it is added. */
  replaces?: string;
}

export interface RecordCheck {
  kind: RecordKind;
  /** The worst finding's severity. */
  status: CheckStatus;
  /** The main finding first, then notes. */
  findings: Finding[];
  /** What DNS answers today for this record (TXT strings joined, MX as `priority host`). */
  published: string[];
  record?: RecordToPublish;
}

/** The server Omniflow hands mail to, which SPF must let send for the domain. */
export interface SendingServer {
  host: string;
  /** Where the host was read: the workspace's email channel settings or the environment. */
  source: 'settings' | 'environment';
}

/** The DKIM key Omniflow holds for the domain (the `dkim_keys` row). */
export interface HeldDkimKey {
  selector: string;
  /** Base64 DER SubjectPublicKeyInfo. */
  publicKey: string;
}

export interface DeliverabilityReport {
  domain: string;
  checkedAt: string;
  sendingServer: SendingServer | null;
  checks: RecordCheck[];
}

const rank: Record<CheckStatus, number> = { ok: 0, unknown: 1, warning: 2, error: 3 };

/** A check's result from its findings: the worst severity among them. */
export function recordCheck(
  kind: RecordKind,
  findings: [Finding, ...Finding[]],
  published: string[],
  record?: RecordToPublish,
): RecordCheck {
  const status = findings
    .map((f): CheckStatus => findingSeverity[f.code])
    .reduce((worst, s) => (rank[s] > rank[worst] ? s : worst), 'ok');
  return { kind, status, findings, published, ...(record ? { record } : {}) };
}

export const finding = (code: FindingCode, params: Record<string, string> = {}): Finding => ({
  code,
  params,
});

import { statusRank, type DeliveryStatus, type StatusUpdate } from './messaging-driver.ts';

/** One delivery report as the `messages.status_history` column keeps it (time as ISO 8601). */
export interface StatusHistoryEntry {
  status: DeliveryStatus;
  at: string;
  errorCode?: string;
  errorMessage?: string;
}

export interface MessageDelivery {
  status: DeliveryStatus;
  history: StatusHistoryEntry[];
}

export interface AppliedStatus extends MessageDelivery {
  /** False for an exact duplicate: nothing to write. */
  changed: boolean;
  statusChanged: boolean;
  /** The error of the failure report that decides the status, when it is a failure. */
  errorCode?: string;
  errorMessage?: string;
}

const isFailure = (status: DeliveryStatus) =>
  status === 'failed' || status === 'undelivered' || status === 'expired';
const isDelivered = (status: DeliveryStatus) => status === 'delivered' || status === 'read';
const time = (entry: StatusHistoryEntry) => Date.parse(entry.at);

// Equal times are common (Meta's timestamps are whole seconds): the lower rank happened first.
function chronological(a: StatusHistoryEntry, b: StatusHistoryEntry): number {
  return time(a) - time(b) || statusRank[a.status] - statusRank[b.status];
}

function highest(statuses: DeliveryStatus[]): DeliveryStatus | undefined {
  return statuses.reduce<DeliveryStatus | undefined>(
    (best, s) => (best === undefined || statusRank[s] > statusRank[best] ? s : best),
    undefined,
  );
}

function decide(
  current: DeliveryStatus,
  history: StatusHistoryEntry[],
): { status: DeliveryStatus; failure?: StatusHistoryEntry } {
  // Proof that the person's phone has the message outranks a failure report: a late or stray
  // "failed" after "delivered"/"read" is kept in the history but does not undo the delivery.
  const delivered = highest([current, ...history.map((e) => e.status)].filter(isDelivered));
  if (delivered) return { status: delivered };
  // Otherwise a failure is final over queued/sent, however late those arrive; the latest one speaks.
  const failure = history.findLast((e) => isFailure(e.status));
  if (failure) return { status: failure.status, failure };
  if (isFailure(current)) return { status: current };
  // Progress only moves forward: a "sent" arriving after "delivered" never lowers the status.
  return { status: highest([current, ...history.map((e) => e.status)]) ?? current };
}

/**
 * A message's status after one more delivery report, whatever order reports arrive in and however
 * often: every distinct report joins the history (sorted by when it happened), an exact duplicate
 * (same status, same time) changes nothing, and the status is the furthest point the message is
 * known to have reached — see `decide` for how failures and deliveries weigh against each other.
 */
export function applyStatus(current: MessageDelivery, update: StatusUpdate): AppliedStatus {
  const at = update.at.getTime();
  const duplicate = current.history.some((e) => e.status === update.status && time(e) === at);
  if (duplicate) return { ...current, changed: false, statusChanged: false };
  const entry: StatusHistoryEntry = {
    status: update.status,
    at: update.at.toISOString(),
    ...(update.errorCode !== undefined ? { errorCode: update.errorCode } : {}),
    ...(update.errorMessage !== undefined ? { errorMessage: update.errorMessage } : {}),
  };
  const history = [...current.history, entry].sort(chronological);
  const { status, failure } = decide(current.status, history);
  return {
    status,
    history,
    changed: true,
    statusChanged: status !== current.status,
    ...(failure?.errorCode !== undefined ? { errorCode: failure.errorCode } : {}),
    ...(failure?.errorMessage !== undefined ? { errorMessage: failure.errorMessage } : {}),
  };
}

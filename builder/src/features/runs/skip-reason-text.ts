import type { MessageKey } from '../../i18n/catalog.ts';

const reasons: Record<string, MessageKey> = {
  AUTO_SUBMITTED: 'runs.skip.AUTO_SUBMITTED',
  BULK_PRECEDENCE: 'runs.skip.BULK_PRECEDENCE',
  MAILING_LIST: 'runs.skip.MAILING_LIST',
  NULL_SENDER: 'runs.skip.NULL_SENDER',
  MAILER_DAEMON: 'runs.skip.MAILER_DAEMON',
  DELIVERY_REPORT: 'runs.skip.DELIVERY_REPORT',
  OWN_MAIL: 'runs.skip.OWN_MAIL',
  REPLIED_RECENTLY: 'runs.skip.REPLIED_RECENTLY',
};

/** A skipped run's reason code in words; a code this builder does not know reads as a general reason. */
export function skipReasonText(t: (key: MessageKey) => string, reason: string | null): string {
  return t(reasons[reason ?? ''] ?? 'runs.skip.unknown');
}

import type { CampaignChannel, Db } from '@omniflow/db';
import { ledgerPage, type LedgerCursor } from './ledger-page.ts';

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. A leading
// = + - @ is prefixed so a spreadsheet does not run a note as a formula (OWASP CSV injection).
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The period's ledger as CSV, a page at a time (a year of an 800,000-message bag is 800,000
 * lines): the opening amount, then each line with the balance after it, which ends at the
 * balance the API shows.
 */
export function ledgerCsv(
  db: Db,
  workspaceId: string,
  channel: CampaignChannel,
  opening: { amount: number; periodStart: Date },
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let balance = opening.amount;
  let after: LedgerCursor | undefined;
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(
          encoder.encode(
            'at,reason,delta,balance,message_id,campaign_id,note\r\n' +
              `${opening.periodStart.toISOString()},opening,${opening.amount},${opening.amount},,,\r\n`,
          ),
        );
        return;
      }
      const lines = await ledgerPage(db, workspaceId, channel, {
        since: opening.periodStart,
        ...(after ? { after } : {}),
        limit: 5000,
      });
      if (lines.length === 0) {
        controller.close();
        return;
      }
      let text = '';
      for (const line of lines) {
        balance += line.delta;
        text += `${[line.at.toISOString(), line.reason, String(line.delta), String(balance), line.messageId ?? '', line.campaignId ?? '', line.note ?? ''].map(field).join(',')}\r\n`;
      }
      const last = lines.at(-1)!;
      after = { at: last.cursorAt, id: last.id };
      controller.enqueue(encoder.encode(text));
    },
  });
}

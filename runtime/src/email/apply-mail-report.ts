import type { Db } from '@omniflow/db';
import type { ParsedInboundMail } from '@omniflow/nodes/drivers/email';

/**
 * Applies a delivery report (RFC 3464 DSN) or a complaint (RFC 5965 ARF) that came in. PLACEHOLDER
 * so the receiving side compiles: the tracking work (area 4) replaces this file.
 */
export async function applyMailReport(
  _db: Db,
  _workspaceId: string,
  _mail: ParsedInboundMail,
): Promise<void> {
  return;
}

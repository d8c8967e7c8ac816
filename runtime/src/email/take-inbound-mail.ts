import { parseMail, type MailEnvelope } from '@omniflow/nodes/drivers/email';
import { routeInbound, type InboundRouting, type RouteResult } from '../messaging/route-inbound.ts';

export interface InboundMailDeps extends InboundRouting {
  /** The workspace the mail was written to. */
  workspaceId: string;
}

/**
 * Takes a mail written to one of our addresses: parsed (one message per recipient of ours), each
 * routed like any channel's message, to the conversation's run or the flow its trigger starts.
 * A minimal version for the mail catcher's form; the inbound server and IMAP polling replace it
 * with the whole path (attachments, reports, RFC 3834 safety).
 */
export async function takeInboundMail(
  deps: InboundMailDeps,
  raw: Buffer | string,
  envelope?: MailEnvelope,
): Promise<{ to: string; result: RouteResult }[]> {
  const { messages } = await parseMail(raw, envelope);
  const results: { to: string; result: RouteResult }[] = [];
  for (const message of messages)
    results.push({ to: message.to, result: await routeInbound(deps, deps.workspaceId, message) });
  return results;
}

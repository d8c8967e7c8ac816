import { NodeError, type OutboundMessage } from '@omniflow/nodes/sdk';
import { decorateEmail } from './decorate-email.ts';
import type { EmailLinkSettings } from './email-links.ts';

/**
 * The mail as it leaves: tracked and, when marketing, with its unsubscribe link. Marketing mail
 * without signed links is refused rather than sent without a way out (RFC 8058, and the law of
 * most places such mail goes).
 */
export function emailToSend<M extends Pick<OutboundMessage, 'text' | 'email'>>(
  message: M,
  messageRowId: string,
  links: EmailLinkSettings | undefined,
): M {
  if (!links) {
    if (message.email?.marketing)
      throw new NodeError(
        'UNSUBSCRIBE_LINK_UNAVAILABLE',
        'Marketing mail needs a one-click unsubscribe link, and this process has no public address or key to sign one: set OMNIFLOW_PUBLIC_URL',
        false,
      );
    return message;
  }
  return decorateEmail(message, { messageRowId, publicUrl: links.publicUrl, secret: links.keys().signing });
}

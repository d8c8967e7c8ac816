import type { OutboundMessage } from '../messaging/messaging-driver.ts';

/** WhatsApp's customer-service window: free-form messages are allowed for 24 h after the person's last message. */
export const serviceWindowMs = 24 * 60 * 60 * 1000;

export interface ServiceWindow {
  open: boolean;
  /** When it closes (or closed); null when the person never wrote. */
  closesAt: Date | null;
}

/**
 * The window as of `now`. It is open strictly before lastInboundAt + 24 h: at exactly 24 h it is
 * closed, because a message sent at the edge reaches Meta after it and would fail with 131047.
 */
export function serviceWindow(lastInboundAt: Date | null | undefined, now: Date): ServiceWindow {
  if (!lastInboundAt) return { open: false, closesAt: null };
  const closesAt = new Date(lastInboundAt.getTime() + serviceWindowMs);
  return { open: now.getTime() < closesAt.getTime(), closesAt };
}

export interface WindowClosed {
  code: 'WHATSAPP_WINDOW_CLOSED';
  message: string;
  closedAt: Date | null;
}

/**
 * Null when the message may be sent; otherwise why not. Outside the window only a pre-approved
 * template may be sent: text, buttons, lists and media are free-form.
 */
export function needsTemplate(
  message: Pick<OutboundMessage, 'template'>,
  window: ServiceWindow,
): WindowClosed | null {
  if (window.open || message.template) return null;
  const since = window.closesAt
    ? `the window closed at ${window.closesAt.toISOString()}, 24 h after their last message`
    : 'they have never written to this number';
  return {
    code: 'WHATSAPP_WINDOW_CLOSED',
    message: `Only a WhatsApp template can be sent to this person now: ${since}`,
    closedAt: window.closesAt,
  };
}

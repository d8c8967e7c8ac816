import type { ChannelSettingsView } from '../../api/types.ts';

export interface WebhookUrl {
  /** What the provider calls it: `incoming` (messages in) or `statusCallback` (delivery receipts). */
  purpose: string;
  url: string;
}

// Meta's webhook is one fixed path for the whole server, so GET /channels does not repeat it per
// workspace; the README names it and so does this screen.
const whatsAppWebhookPath = '/api/v1/webhooks/whatsapp';

/**
 * The full URLs an admin pastes at the provider. The API gives paths; the origin is the one the
 * admin reached the builder on, which is the public one behind a proxy too.
 */
export function webhookUrls(view: ChannelSettingsView, origin: string): WebhookUrl[] {
  const paths: Record<string, string> = { ...view.webhooks };
  if (view.provider === 'whatsapp-cloud' && !paths.incoming) paths.incoming = whatsAppWebhookPath;
  return Object.entries(paths).map(([purpose, path]) => ({ purpose, url: new URL(path, origin).toString() }));
}

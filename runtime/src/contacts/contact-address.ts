import type { messagingChannels } from '@omniflow/db';

export type ContactChannel = (typeof messagingChannels)[number];

// Deliberately loose: the importer owns full phone parsing (libphonenumber-js, default country);
// a hand-typed address only has to be in the form every driver sends to.
const e164 = /^\+[1-9]\d{6,14}$/;
const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * An address as contact_channels keeps it (E.164 phones, lower-cased mail), or the words to fix
 * it with. Inbound traffic finds the person by exact match, so the form must be the drivers'.
 */
export function normalizeAddress(
  channel: ContactChannel,
  raw: string,
): { address: string } | { error: string } {
  const trimmed = raw.trim();
  if (channel === 'sms' || channel === 'whatsapp') {
    const phone = trimmed.replace(/[\s().-]/g, '').replace(/^00/, '+');
    return e164.test(phone)
      ? { address: phone }
      : { error: 'Write the phone in international form with its country code, like +51987654321' };
  }
  if (channel === 'email') {
    const lower = trimmed.toLowerCase();
    return email.test(lower) && lower.length <= 254
      ? { address: lower }
      : { error: 'Write an email address like ana@example.org' };
  }
  return trimmed.length > 0 && trimmed.length <= 200
    ? { address: trimmed }
    : { error: 'A web chat session id is 1 to 200 characters' };
}

import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { SecretKeyring } from '../credentials/secret-keyring.ts';

/** The key new links are signed with, and every key a link may be signed with. */
export interface EmailLinkKeys {
  signing: Buffer;
  accepted: Buffer[];
}

/** What signed mail links are made with: where people reach us, and the keys. */
export interface EmailLinkSettings {
  publicUrl: string;
  keys: () => EmailLinkKeys;
}

export type EmailLinkKind = 'open' | 'click' | 'unsubscribe';

/** Where the tracking and unsubscribe routes live (api/routes/email-links.ts). */
export const emailLinksPath = '/api/v1/email-links';

/**
 * The link keys of an install: one derived from each key of the secret keyring (RFC 5869 HKDF,
 * so the sealing key itself never signs anything public). Links signed before a key rotation keep
 * working while the old key stays in OMNIFLOW_SECRET_KEY_PREVIOUS.
 */
export function emailLinkKeys(keyring: SecretKeyring): EmailLinkKeys {
  const derive = (key: Buffer) =>
    Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'omniflow/email-links/v1', 32));
  const signing = derive(keyring.current.key);
  return { signing, accepted: [signing, ...keyring.previous.map((k) => derive(k.key))] };
}

/** 128 bits of HMAC-SHA256 over what the link does: enough that no one guesses one. */
export function signEmailLink(key: Buffer, kind: EmailLinkKind, messageId: string, url = ''): string {
  return createHmac('sha256', key)
    .update(`${kind}\n${messageId}\n${url}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');
}

/** Whether `signature` is one of our keys' signature of this link (constant-time). */
export function verifyEmailLink(
  keys: Buffer[],
  kind: EmailLinkKind,
  messageId: string,
  signature: string,
  url = '',
): boolean {
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== 16 || given.toString('base64url') !== signature) return false;
  return keys.some((key) =>
    timingSafeEqual(given, Buffer.from(signEmailLink(key, kind, messageId, url), 'base64url')),
  );
}

const base = (publicUrl: string) => `${new URL(publicUrl).origin}${emailLinksPath}`;

/** The 1×1 image whose fetch records an open. */
export const openPixelUrl = (publicUrl: string, key: Buffer, messageId: string) =>
  `${base(publicUrl)}/open/${messageId}/${signEmailLink(key, 'open', messageId)}`;

/** A link that records a click and sends the reader on to `url`. */
export const clickUrl = (publicUrl: string, key: Buffer, messageId: string, url: string) =>
  `${base(publicUrl)}/click/${messageId}/${signEmailLink(key, 'click', messageId, url)}?url=${encodeURIComponent(url)}`;

/** RFC 8058 one-click unsubscribe (POST) and the confirmation page (GET), in the mail's language. */
export const unsubscribeUrl = (publicUrl: string, key: Buffer, messageId: string, language?: 'es' | 'en') =>
  `${base(publicUrl)}/unsubscribe/${messageId}/${signEmailLink(key, 'unsubscribe', messageId)}${
    language ? `?lang=${language}` : ''
  }`;

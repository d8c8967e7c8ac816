import { createPublicKey, type KeyObject } from 'node:crypto';

/** A DKIM key as its DNS record carries it: the algorithm (`k=`) and the key data (`p=`). */
export interface DkimRecordKey {
  k: 'rsa' | 'ed25519';
  p: string;
}

const fromBase64 = (text: string) => Buffer.from(text.replace(/\s+/g, ''), 'base64');

/**
 * The `k=` and `p=` for a key held as base64 DER SubjectPublicKeyInfo. RSA's `p=` is that DER
 * (RFC 6376 §3.6.1); Ed25519's is the bare 32-byte key (RFC 8463 §4.2). Throws when unreadable.
 */
export function dkimRecordKeyOf(spkiBase64: string): DkimRecordKey {
  const key = createPublicKey({ key: fromBase64(spkiBase64), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType === 'rsa')
    return { k: 'rsa', p: key.export({ format: 'der', type: 'spki' }).toString('base64') };
  if (key.asymmetricKeyType === 'ed25519') {
    const { x } = key.export({ format: 'jwk' });
    if (!x) throw new Error('An Ed25519 key without its public value');
    return { k: 'ed25519', p: Buffer.from(x, 'base64url').toString('base64') };
  }
  throw new Error(`DKIM keys are RSA or Ed25519, not ${key.asymmetricKeyType ?? 'unknown'}`);
}

function publishedRsaKey(p: string): KeyObject | undefined {
  // Published RSA keys are SubjectPublicKeyInfo in practice; a few tools publish the bare
  // RSAPublicKey (PKCS#1), which RFC 6376's text names, so both are read.
  for (const type of ['spki', 'pkcs1'] as const) {
    try {
      return createPublicKey({ key: fromBase64(p), format: 'der', type });
    } catch {
      // not this encoding
    }
  }
  return undefined;
}

/** Whether a published `p=` is the same key as the one held (compared as keys, not as text). */
export function samePublishedKey(published: string, held: DkimRecordKey): boolean {
  if (held.k === 'ed25519') return fromBase64(published).equals(fromBase64(held.p));
  const key = publishedRsaKey(published);
  if (!key || key.asymmetricKeyType !== 'rsa') return false;
  const ours = createPublicKey({ key: fromBase64(held.p), format: 'der', type: 'spki' });
  const a = key.export({ format: 'jwk' });
  const b = ours.export({ format: 'jwk' });
  return a.n === b.n && a.e === b.e;
}

/** The TXT value to publish at `<selector>._domainkey.<domain>`. */
export const dkimRecordValue = (key: DkimRecordKey): string => `v=DKIM1; k=${key.k}; p=${key.p}`;

import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { NodeError } from '../../sdk/node-error.ts';

/** A DKIM key pair: the private half as PKCS#8 PEM, the public half as base64 DER (the `p=`). */
export interface DkimKeyPair {
  privateKeyPem: string;
  publicKey: string;
  bits: number;
}

/** The TXT record that publishes a selector's public key (RFC 6376 §3.6.2.1). */
export interface DkimDnsRecord {
  /** The owner name: `<selector>._domainkey.<domain>`. */
  name: string;
  type: 'TXT';
  /** The record's text as one value (what a DNS provider's form takes). */
  value: string;
  /** The same in zone-file syntax, split in strings of at most 255 characters (RFC 1035 §3.3.14). */
  zoneLine: string;
}

// RFC 8301 §3.2: verifiers must accept 1024 to 4096 bits and signers use at least 1024; 2048 is
// what mailbox providers ask for today.
const minBits = 1024;
const maxBits = 4096;

function pair(privateKey: KeyObject): DkimKeyPair {
  const bits = privateKey.asymmetricKeyDetails?.modulusLength ?? 0;
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64'),
    bits,
  };
}

/** A new 2048-bit RSA key for a sending domain. */
export function generateDkimKey(): DkimKeyPair {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return pair(privateKey);
}

/** A key an admin pasted (PKCS#1 or PKCS#8 PEM), refused with a reason unless DKIM can use it. */
export function dkimKeyFromPem(pem: string): DkimKeyPair {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem.trim(), format: 'pem' });
  } catch {
    throw new NodeError(
      'DKIM_KEY_INVALID',
      'The private key is not a PEM private key (it starts with -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----)',
      false,
    );
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new NodeError(
      'DKIM_KEY_INVALID',
      `The key is ${key.asymmetricKeyType ?? 'of an unknown type'}; DKIM signing here needs an RSA key`,
      false,
    );
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < minBits || bits > maxBits) {
    throw new NodeError(
      'DKIM_KEY_INVALID',
      `The RSA key has ${bits} bits; DKIM needs ${minBits} to ${maxBits} (RFC 8301), 2048 is best`,
      false,
    );
  }
  return pair(key);
}

/** The exact record to publish for a selector. */
export function dkimDnsRecord(domain: string, selector: string, publicKey: string): DkimDnsRecord {
  const value = `v=DKIM1; k=rsa; p=${publicKey}`;
  const strings = value.match(/.{1,255}/g) ?? [value];
  const name = `${selector}._domainkey.${domain}`;
  return {
    name,
    type: 'TXT',
    value,
    zoneLine: `${name}. IN TXT ( ${strings.map((s) => `"${s}"`).join(' ')} )`,
  };
}

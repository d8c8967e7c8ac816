import { createHash, sign, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';

const signAsync = promisify(sign);

export interface DkimSigner {
  domainName: string;
  keySelector: string;
  privateKey: KeyObject;
  /** Header names to sign, colon-separated; the ones the mail has are signed, bottom-most first. */
  headerFieldNames: string;
}

// A tag value never carries a control character or a delimiter that would close it (nodemailer's rule).
const tagValue = (value: string) => value.replace(/[\x00-\x1f\x7f;=\s]/g, '');

/** RFC 6376 §3.4.2: unfold, one SP for each run of WSP, none around the colon or at the end. */
const relaxedHeaderValue = (field: string) =>
  field
    .slice(field.indexOf(':') + 1)
    .replace(/\r\n/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/^ | $/g, '');

/** RFC 6376 §3.4.4: no WSP at line ends, one SP for each run inside, no empty lines at the end. */
function relaxedBody(body: string): string {
  const relaxed = body.replace(/[ \t]+/g, ' ').replace(/ (?=\r\n|$)/g, '');
  let end = relaxed.length;
  while (end >= 2 && relaxed.endsWith('\r\n', end)) end -= 2;
  return end === 0 ? '' : `${relaxed.slice(0, end)}\r\n`;
}

/**
 * DKIM-signs a composed mail (relaxed/relaxed, rsa-sha256) and returns it with its
 * DKIM-Signature header on top. The RSA signature runs on libuv's thread pool: nodemailer's and
 * mailauth's signers are synchronous, and at campaign rates their ~0.5 ms per mail on the event
 * loop was the send path's largest cost after the database (BENCHMARKS.md, Email).
 */
export async function dkimSign(raw: Buffer, signer: DkimSigner): Promise<Buffer> {
  // Latin-1 keeps every byte as one character, so 8-bit bodies hash as sent.
  const text = raw.toString('latin1');
  const split = text.indexOf('\r\n\r\n');
  const head = split < 0 ? text : text.slice(0, split);
  const body = split < 0 ? '' : text.slice(split + 4);
  const bodyHash = createHash('sha256').update(relaxedBody(body), 'latin1').digest('base64');

  const fields = head.split(/\r\n(?![ \t])/).filter((field) => field.includes(':'));
  const used = new Set<number>();
  const names: string[] = [];
  const canonical: string[] = [];
  for (const wanted of signer.headerFieldNames.toLowerCase().split(':')) {
    const name = wanted.trim();
    if (!name || names.includes(name)) continue;
    // §5.4.2: the bottom-most instance of a header is the one signed.
    for (let i = fields.length - 1; i >= 0; i--) {
      const field = fields[i]!;
      if (used.has(i) || field.slice(0, field.indexOf(':')).trim().toLowerCase() !== name) continue;
      used.add(i);
      names.push(name);
      canonical.push(`${name}:${relaxedHeaderValue(field)}\r\n`);
      break;
    }
  }
  const header = [
    'DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed',
    ` d=${tagValue(signer.domainName)}; q=dns/txt; s=${tagValue(signer.keySelector)}`,
    ` bh=${bodyHash}`,
    ` h=${names.join(':')}`,
    ' b=',
  ].join(';\r\n');
  const signed = `${canonical.join('')}dkim-signature:${relaxedHeaderValue(header)}`;
  const signature = (await signAsync('sha256', Buffer.from(signed, 'latin1'), signer.privateKey)).toString(
    'base64',
  );
  const folded = signature.replace(/.{1,72}/g, '\r\n  $&');
  return Buffer.concat([Buffer.from(`${header}${folded}\r\n`, 'latin1'), raw]);
}

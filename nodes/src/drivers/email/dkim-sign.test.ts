import { describe, expect, it } from 'vitest';
import { createPrivateKey } from 'node:crypto';
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import { dkimDnsRecord, generateDkimKey } from './dkim-key.ts';
import { dkimSign } from './dkim-sign.ts';

const key = generateDkimKey();
const record = dkimDnsRecord('omniflow.test', 's1', key.publicKey);
const signer = {
  domainName: 'omniflow.test',
  keySelector: 's1',
  privateKey: createPrivateKey(key.privateKeyPem),
  headerFieldNames: 'From:Subject:To:Received:List-Unsubscribe',
};
const verify = async (raw: Buffer) =>
  (await dkimVerify(raw, { resolver: async () => [[record.value]] })).results[0]!.status.result;

const mail = (body: string) =>
  Buffer.from(
    [
      'Received: from a (first)',
      'From: Ana  <ana@omniflow.test>',
      'Subject: Una línea\r\n\t doblada   con espacios',
      'To: luis@example.org',
      'Received: from b (second)',
      '',
      body,
    ].join('\r\n'),
    'utf8',
  );

describe('dkimSign', () => {
  it('signs what mailauth verifies: folded headers, runs of spaces, 8-bit text and trailing blank lines', async () => {
    const signed = await dkimSign(mail('Hola  \t ñandú \r\nsegunda línea   \r\n\r\n\r\n'), signer);
    expect(signed.toString('latin1')).toMatch(/^DKIM-Signature: v=1; a=rsa-sha256; c=relaxed\/relaxed;/);
    expect(await verify(signed)).toBe('pass');
    // Only the headers the mail has are named; of a repeated one, the bottom-most is signed.
    const h = /\bh=([^;]+);/.exec(signed.toString('latin1'))![1]!;
    expect(h).toBe('from:subject:to:received');
  });

  it('signs a mail with no body', async () => {
    expect(await verify(await dkimSign(mail(''), signer))).toBe('pass');
  });

  it('fails verification once the body or a signed header is changed', async () => {
    const signed = (await dkimSign(mail('Su código es 1234\r\n'), signer)).toString('latin1');
    expect(await verify(Buffer.from(signed.replace('1234', '9999'), 'latin1'))).not.toBe('pass');
    expect(await verify(Buffer.from(signed.replace('luis@', 'eva@'), 'latin1'))).not.toBe('pass');
    // What the relaxed rules allow a relay to change still verifies.
    expect(await verify(Buffer.from(signed.replace('1234\r\n', '1234   \r\n\r\n'), 'latin1'))).toBe('pass');
  });
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { twilioSignature, verifyTwilioSignature } from './twilio-signature.ts';

// The worked example of Twilio's request-validation guide (auth token "12345"), as many independent
// implementations reproduce it: an expected value that this code did not produce.
const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const form =
  'Digits=1234&To=%2B18005551212&From=%2B12349013030&Caller=%2B12349013030&CallSid=CA1234567890ABCDE';
const expected = '0/KCTR6DLpKmkAf8muzZqo1nDgQ=';

describe('Twilio request signatures', () => {
  it("reproduces the published example whatever the parameters' order", () => {
    expect(twilioSignature('12345', url, new URLSearchParams(form))).toBe(expected);
    expect(verifyTwilioSignature('12345', expected, url, form)).toBe(true);
  });

  it('fails for a tampered parameter, another URL, a wrong token or no signature', () => {
    expect(verifyTwilioSignature('12345', expected, url, form.replace('Digits=1234', 'Digits=9999'))).toBe(
      false,
    );
    expect(verifyTwilioSignature('12345', expected, url, `${form}&Extra=1`)).toBe(false);
    expect(
      verifyTwilioSignature('12345', expected, 'https://mycompany.com/myapp.php?foo=1&bar=3', form),
    ).toBe(false);
    expect(verifyTwilioSignature('54321', expected, url, form)).toBe(false);
    expect(verifyTwilioSignature('12345', undefined, url, form)).toBe(false);
    expect(verifyTwilioSignature('12345', expected, 'not a url', form)).toBe(false);
  });

  it('accepts the URL with or without its default port', () => {
    expect(
      verifyTwilioSignature('12345', expected, 'https://mycompany.com:443/myapp.php?foo=1&bar=2', form),
    ).toBe(true);
    const signedWithPort = twilioSignature(
      '12345',
      'https://mycompany.com:443/myapp.php?foo=1&bar=2',
      new URLSearchParams(form),
    );
    expect(verifyTwilioSignature('12345', signedWithPort, url, form)).toBe(true);
  });

  it('checks a JSON body against the bodySHA256 the signed URL carries', () => {
    const body = '{"MessageSid":"SM1","MessageStatus":"delivered"}';
    const hash = createHash('sha256').update(body).digest('hex');
    const jsonUrl = `https://example.com/hooks/sms?bodySHA256=${hash}`;
    const signature = twilioSignature('12345', jsonUrl, new URLSearchParams());
    expect(verifyTwilioSignature('12345', signature, jsonUrl, body)).toBe(true);
    expect(verifyTwilioSignature('12345', signature, jsonUrl, body.replace('delivered', 'failed'))).toBe(
      false,
    );
  });
});

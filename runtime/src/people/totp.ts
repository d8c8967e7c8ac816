import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

// RFC 6238 defaults every authenticator app reads: SHA-1, 6 digits, 30 s.
const period = 30;

const totpOf = (secretBase32: string, label = '') =>
  new TOTP({
    issuer: 'Omniflow',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period,
    secret: Secret.fromBase32(secretBase32),
  });

/** A new 160-bit secret (RFC 4226 §4 recommends 160), in base32 as apps take it. */
export const newTotpSecret = () => new Secret({ size: 20 }).base32;

/** The otpauth:// URI an authenticator app reads from the QR code. */
export const totpUri = (secretBase32: string, email: string) => totpOf(secretBase32, email).toString();

/** The QR code of `uri` as an SVG document, drawn here: the secret never leaves the server for a QR service. */
export const qrSvg = (uri: string) =>
  QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });

/**
 * The time step `code` is right for (now, or one step either side for clocks a little off), or
 * undefined. A step at or before `lastStep` is refused: a code is good once (RFC 6238 §5.2).
 */
export function acceptedTotpStep(
  secretBase32: string,
  code: string,
  lastStep: number | null,
  now = Date.now(),
): number | undefined {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return undefined;
  const delta = totpOf(secretBase32).validate({ token, timestamp: now, window: 1 });
  if (delta === null) return undefined;
  const step = Math.floor(now / 1000 / period) + delta;
  return lastStep !== null && step <= lastStep ? undefined : step;
}

/** The code for `now` (tests, and nothing else, compute codes). */
export const totpCode = (secretBase32: string, now = Date.now()) =>
  totpOf(secretBase32).generate({ timestamp: now });

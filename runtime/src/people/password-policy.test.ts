import { describe, expect, it } from 'vitest';
import { isBreachedPassword } from './breached-passwords.ts';
import { passwordProblem } from './password-policy.ts';
import { acceptedTotpStep, newTotpSecret, totpCode } from './totp.ts';

describe('password policy', () => {
  it('asks for twelve characters, counted as characters, not bytes', () => {
    expect(passwordProblem('elevenchars')?.code).toBe('PASSWORD_TOO_SHORT');
    expect(passwordProblem('ñandú ñandú ñ')).toBeUndefined();
    expect(passwordProblem('🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑')?.code).toBe('PASSWORD_TOO_SHORT');
  });

  it('refuses listed passwords and the variations crackers try first', () => {
    for (const leaked of [
      '1qaz2wsx3edc',
      'QWERTY123456',
      'password2026!',
      '!!sunshine!!!',
      'monkeymonkeymonkey',
    ])
      expect(isBreachedPassword(leaked), leaked).toBe(true);
    for (const fine of ['correct horse battery staple', 'mi perro come sandías', 'Tr4m-v1a-nube-azul'])
      expect(isBreachedPassword(fine), fine).toBe(false);
  });

  it('refuses a password that holds the email’s name', () => {
    expect(passwordProblem('lucia.perez-2026!!', 'lucia.perez@example.org')?.code).toBe('PASSWORD_IS_EMAIL');
  });
});

describe('TOTP (RFC 6238)', () => {
  it('matches the RFC’s SHA-1 test vector', () => {
    // RFC 6238 Appendix B: secret "12345678901234567890", T = 59 s → 94287082 (8 digits); 6 digits: 287082.
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(totpCode(secret, 59_000)).toBe('287082');
  });

  it('accepts the step either side, never the same step twice, and nothing but six digits', () => {
    const secret = newTotpSecret();
    const now = 1_800_000_000_000;
    const step = Math.floor(now / 30_000);
    expect(acceptedTotpStep(secret, totpCode(secret, now), null, now)).toBe(step);
    expect(acceptedTotpStep(secret, totpCode(secret, now - 30_000), null, now)).toBe(step - 1);
    expect(acceptedTotpStep(secret, totpCode(secret, now - 90_000), null, now)).toBeUndefined();
    expect(acceptedTotpStep(secret, totpCode(secret, now), step, now)).toBeUndefined();
    expect(acceptedTotpStep(secret, '12345', null, now)).toBeUndefined();
    expect(acceptedTotpStep(secret, 'abcdef', null, now)).toBeUndefined();
  });
});

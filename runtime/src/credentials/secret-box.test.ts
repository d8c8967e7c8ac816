import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSecrets, sealSecrets } from './secret-box.ts';
import { loadSecretKeyring, parseSecretKey } from './secret-keyring.ts';

const keyring = (key = randomBytes(32), previous: Buffer[] = []) =>
  loadSecretKeyring({
    OMNIFLOW_SECRET_KEY: key.toString('base64'),
    OMNIFLOW_SECRET_KEY_PREVIOUS: previous.map((k) => k.toString('hex')).join(','),
  });

describe('sealed channel secrets', () => {
  it('round-trips, and the sealed text shows nothing of the secret', () => {
    const ring = keyring();
    const sealed = sealSecrets(ring, { password: 'hunter22' }, 'ws/sms');
    expect(sealed.sealed).not.toContain('hunter22');
    expect(sealed.sealed).not.toContain(Buffer.from('hunter22').toString('base64'));
    expect(sealed.keyId).toBe(ring.current.id);
    expect(openSecrets(ring, sealed, 'ws/sms')).toEqual({ password: 'hunter22' });
    // A fresh IV each time: the same secret never seals to the same text.
    expect(sealSecrets(ring, { password: 'hunter22' }, 'ws/sms').sealed).not.toBe(sealed.sealed);
  });

  it('names both keys when the key in use is not the one that sealed them', () => {
    const sealed = sealSecrets(keyring(), { password: 'x' }, 'ws/sms');
    const other = keyring();
    expect(() => openSecrets(other, sealed, 'ws/sms')).toThrow(
      expect.objectContaining({
        code: 'SECRET_KEY_MISMATCH',
        message: expect.stringContaining(`sealed with key ${sealed.keyId}, but the key in use`),
      }),
    );
  });

  it('opens rows sealed by a rotated-out key listed in OMNIFLOW_SECRET_KEY_PREVIOUS', () => {
    const old = randomBytes(32);
    const sealed = sealSecrets(keyring(old), { authToken: 't' }, 'ws/sms');
    expect(openSecrets(keyring(randomBytes(32), [old]), sealed, 'ws/sms')).toEqual({ authToken: 't' });
  });

  it('refuses a sealed value moved to another workspace or altered', () => {
    const ring = keyring();
    const sealed = sealSecrets(ring, { password: 'x' }, 'ws-a/sms');
    expect(() => openSecrets(ring, sealed, 'ws-b/sms')).toThrow(
      expect.objectContaining({ code: 'SECRETS_UNREADABLE' }),
    );
    const flipped = sealed.sealed.slice(0, -2) + (sealed.sealed.endsWith('AA') ? 'AB' : 'AA');
    expect(() => openSecrets(ring, { ...sealed, sealed: flipped }, 'ws-a/sms')).toThrow(
      expect.objectContaining({ code: 'SECRETS_UNREADABLE' }),
    );
  });

  it('rejects a key that is not 32 bytes with how to make one', () => {
    expect(() => parseSecretKey('too-short', 'OMNIFLOW_SECRET_KEY')).toThrow(
      expect.objectContaining({
        code: 'SECRET_KEY_INVALID',
        message: expect.stringContaining('openssl rand'),
      }),
    );
  });

  it('generates a key file once in the data directory, readable only by its owner', () => {
    const home = mkdtempSync(join(tmpdir(), 'omniflow-key-'));
    const first = loadSecretKeyring({ OMNIFLOW_HOME: home });
    const second = loadSecretKeyring({ OMNIFLOW_HOME: home });
    expect(second.current.id).toBe(first.current.id);
    expect(first.source).toBe(join(home, 'secret.key'));
    expect(statSync(first.source).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(first.source, 'utf8').trim(), 'base64')).toHaveLength(32);
  });
});

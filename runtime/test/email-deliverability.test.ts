import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dkimKeys, newId } from '@omniflow/db';
import { createApiKey } from '../src/api/api-keys.ts';
import { channelResolverOf } from '../src/api/channel-resolver-of.ts';
import { createApp } from '../src/api/create-app.ts';
import { hasDnsmasq, startDnsmasq, type LocalDns } from './support/dnsmasq.ts';
import { txtRecord } from './support/dns-zone.ts';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

const publicKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .publicKey.export({ type: 'spki', format: 'der' })
  .toString('base64');

describe.skipIf(!hasDnsmasq)('GET /email/deliverability against dnsmasq', () => {
  let dns: LocalDns;
  let omni: TestOmniflow;
  let workspaceId: string;

  beforeAll(async () => {
    dns = await startDnsmasq([
      'local=/test/',
      'host-record=mail.good.test,192.0.2.10',
      'host-record=mx.good.test,192.0.2.20',
      txtRecord('good.test', 'v=spf1 a:mail.good.test -all'),
      txtRecord('omni._domainkey.good.test', `v=DKIM1; k=rsa; p=${publicKey}`),
      txtRecord('_dmarc.good.test', 'v=DMARC1; p=quarantine'),
      'mx-host=good.test,mx.good.test,10',
      txtRecord('broken.test', 'v=spf1 ip4:198.51.100.7 -all'),
      txtRecord('_dmarc.broken.test', 'v=DMARC1; p=sometimes'),
    ]);
    omni = await startTestOmniflow({ worker: false, appDeps: { dnsServers: [dns.server] } });
    workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
    await channelResolverOf(omni.deps).store.save(workspaceId, 'email', {
      provider: 'smtp',
      config: { host: 'mail.good.test', port: 587, security: 'starttls', fromAddress: 'hola@good.test' },
      secrets: { password: 'relay password' },
    });
    for (const domain of ['good.test', 'broken.test'])
      await omni.handle.db.insert(dkimKeys).values({
        id: newId(),
        workspaceId,
        domain,
        selector: 'omni',
        publicKey,
        privateKeySealed: 'sealed by the key store',
        keyId: 'test',
      });
  }, 60_000);
  afterAll(async () => {
    await omni?.close();
    await dns?.stop();
  });

  it('checks the From address’s domain by default: all four records right for the SMTP host and held key', async () => {
    const res = await omni.call('GET', '/api/v1/email/deliverability');
    expect(res.status).toBe(200);
    expect(res.body.domain).toBe('good.test');
    expect(res.body.sendingServer).toEqual({ host: 'mail.good.test', source: 'settings' });
    expect(res.body.checks.map((c: { kind: string; status: string }) => [c.kind, c.status])).toEqual([
      ['spf', 'ok'],
      ['dkim', 'ok'],
      ['dmarc', 'ok'],
      ['mx', 'ok'],
    ]);
  });

  it('answers a broken domain with codes, params and the exact records to publish', async () => {
    const res = await omni.call('GET', '/api/v1/email/deliverability?domain=Broken.Test.');
    expect(res.status).toBe(200);
    expect(res.body.domain).toBe('broken.test');
    const [spf, dkim, dmarc, mx] = res.body.checks;
    expect(spf).toMatchObject({
      status: 'error',
      findings: [
        { code: 'SPF_SERVER_NOT_ALLOWED', params: { server: 'mail.good.test', address: '192.0.2.10' } },
      ],
      record: { name: 'broken.test', type: 'TXT', value: 'v=spf1 a:mail.good.test ip4:198.51.100.7 -all' },
    });
    expect(dkim).toMatchObject({
      findings: [{ code: 'DKIM_MISSING', params: { selector: 'omni' } }],
      record: { name: 'omni._domainkey.broken.test', value: `v=DKIM1; k=rsa; p=${publicKey}` },
    });
    expect(dmarc).toMatchObject({
      findings: [{ code: 'DMARC_INVALID' }],
      record: { value: 'v=DMARC1; p=none', replaces: 'v=DMARC1; p=sometimes' },
    });
    expect(mx).toMatchObject({ status: 'warning', record: { type: 'MX', value: '10 mail.good.test' } });
  });

  it('takes an address or an accented domain as people type them', async () => {
    const byAddress = await omni.call('GET', '/api/v1/email/deliverability?domain=ana%40good.test');
    expect(byAddress.body.domain).toBe('good.test');
    const accented = await omni.call(
      'GET',
      `/api/v1/email/deliverability?domain=${encodeURIComponent('españa.test')}`,
    );
    expect(accented.status).toBe(200);
    expect(accented.body.domain).toBe('xn--espaa-rta.test');
  });

  it('lists the domains worth checking, From address first', async () => {
    const res = await omni.call('GET', '/api/v1/email/deliverability/domains');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      domains: ['good.test', 'broken.test'],
      sendingServer: { host: 'mail.good.test', source: 'settings' },
    });
  });

  it('refuses what is not a domain with 400 naming the field', async () => {
    for (const bad of ['not a domain', 'exa_mple.com', 'localhost', `${'a'.repeat(64)}.test`]) {
      const res = await omni.call('GET', `/api/v1/email/deliverability?domain=${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.message).toContain('domain must be a domain name');
    }
  });

  it('lets a designer check, and refuses a viewer with 403', async () => {
    const asKey = async (role: 'designer' | 'viewer') => {
      const { key } = await createApiKey(omni.handle.db, workspaceId, role, null, role);
      return omni.app.request('/api/v1/email/deliverability?domain=good.test', {
        headers: { authorization: `Bearer ${key}` },
      });
    };
    expect((await asKey('designer')).status).toBe(200);
    const operator = await asKey('viewer');
    expect(operator.status).toBe(403);
    expect(await operator.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('asks for a domain (422) when none is given and no From address is set; takes the environment’s SMTP account when the workspace has none', async () => {
    await channelResolverOf(omni.deps).store.remove(workspaceId, 'email');
    try {
      const res = await omni.call('GET', '/api/v1/email/deliverability');
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('SENDING_DOMAIN_UNKNOWN');
      // Without an SMTP account SPF cannot be judged, but the rest still is.
      const named = await omni.call('GET', '/api/v1/email/deliverability?domain=good.test');
      expect(named.body.sendingServer).toBeNull();
      expect(named.body.checks[0]).toMatchObject({
        status: 'unknown',
        findings: [{ code: 'SPF_SERVER_UNKNOWN' }],
      });
      // The environment's SMTP account stands in when the workspace saved none.
      process.env.OMNIFLOW_SMTP_URL = 'smtps://robot:secret@mail.good.test:465';
      process.env.OMNIFLOW_SMTP_FROM = 'Ayuda <ayuda@good.test>';
      const fromEnv = await omni.call('GET', '/api/v1/email/deliverability');
      expect(fromEnv.body.domain).toBe('good.test');
      expect(fromEnv.body.sendingServer).toEqual({ host: 'mail.good.test', source: 'environment' });
      expect(fromEnv.body.checks[0].findings[0].code).toBe('SPF_OK');
    } finally {
      delete process.env.OMNIFLOW_SMTP_URL;
      delete process.env.OMNIFLOW_SMTP_FROM;
      await channelResolverOf(omni.deps).store.save(workspaceId, 'email', {
        provider: 'smtp',
        config: { host: 'mail.good.test', port: 587, security: 'starttls', fromAddress: 'hola@good.test' },
        secrets: { password: 'relay password' },
      });
    }
  });

  it('refuses to start with DNS servers that are not addresses', () => {
    const previous = process.env.OMNIFLOW_DNS_SERVERS;
    process.env.OMNIFLOW_DNS_SERVERS = 'dns.example.com';
    try {
      expect(() => createApp({ ...omni.deps, dnsServers: undefined })).toThrow(/OMNIFLOW_DNS_SERVERS/);
    } finally {
      if (previous === undefined) delete process.env.OMNIFLOW_DNS_SERVERS;
      else process.env.OMNIFLOW_DNS_SERVERS = previous;
    }
  });
});

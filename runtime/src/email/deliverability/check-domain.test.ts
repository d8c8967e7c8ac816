import { generateKeyPairSync } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasDnsmasq, startDnsmasq, type LocalDns } from '../../../test/support/dnsmasq.ts';
import { txtRecord } from '../../../test/support/dns-zone.ts';
import { checkDomain } from './check-domain.ts';
import { createDnsLookup } from './dns-lookup.ts';
import type { DeliverabilityReport, HeldDkimKey, RecordKind, SendingServer } from './types.ts';

const spki = (type: 'rsa' | 'ed25519') =>
  (type === 'rsa'
    ? generateKeyPairSync('rsa', { modulusLength: 2048 })
    : generateKeyPairSync('ed25519')
  ).publicKey
    .export({ type: 'spki', format: 'der' })
    .toString('base64');

const keyA = spki('rsa');
const keyB = spki('rsa');
const edKey = spki('ed25519');
const edRaw = Buffer.from(edKey, 'base64').subarray(-32).toString('base64');
const held: HeldDkimKey = { selector: 'omni', publicKey: keyA };
const ownServer: SendingServer = { host: 'mail.good.test', source: 'settings' };
const google: SendingServer = { host: 'smtp.gmail.com', source: 'settings' };

const zone = [
  'local=/test/',
  'local=/com/',
  'host-record=mail.good.test,192.0.2.10',
  'host-record=mx.good.test,192.0.2.20',
  // good.test: every record right.
  txtRecord('good.test', 'v=spf1 a:mail.good.test -all'),
  txtRecord('good.test', 'google-site-verification=unrelated'),
  txtRecord('omni._domainkey.good.test', `v=DKIM1; k=rsa; p=${keyA}`),
  txtRecord('_dmarc.good.test', 'v=DMARC1; p=reject; sp=quarantine; rua=mailto:dmarc@good.test'),
  'mx-host=good.test,mx.good.test,10',
  // broken.test: each record there, each wrong.
  txtRecord('broken.test', 'v=spf1 ip4:198.51.100.7 -all'),
  txtRecord('omni._domainkey.broken.test', `v=DKIM1; k=rsa; p=${keyB}`),
  txtRecord('_dmarc.broken.test', 'v=DMARC1; p=maybe; rua=mailto:x@broken.test'),
  'mx-host=broken.test,gone.broken.test,10',
  // twice.test: two of what must be one; a revoked key; a null MX.
  txtRecord('twice.test', 'v=spf1 ip4:198.51.100.7 ~all'),
  txtRecord('twice.test', 'v=spf1 include:_spf.example.test -all'),
  txtRecord('_spf.example.test', 'v=spf1 ip4:198.51.100.8 -all'),
  txtRecord('omni._domainkey.twice.test', 'v=DKIM1; k=rsa; p='),
  txtRecord('_dmarc.twice.test', 'v=DMARC1; p=none'),
  txtRecord('_dmarc.twice.test', 'v=DMARC1; p=reject'),
  'mx-host=twice.test,.,0',
  // open.test: SPF lets anyone send; DKIM in testing mode; DMARC on a fraction; MX an address.
  txtRecord('open.test', 'v=spf1 +all'),
  txtRecord('omni._domainkey.open.test', `v=DKIM1; t=y; p=${keyA}`),
  txtRecord('_dmarc.open.test', 'v=DMARC1; p=quarantine; pct=20'),
  'mx-host=open.test,192.0.2.5,10',
  // loops.test: eleven includes, over SPF's ten lookups; typo.test: an address that is not one.
  txtRecord(
    'loops.test',
    `v=spf1 ${Array.from({ length: 11 }, (_, i) => `include:l${i}.test`).join(' ')} -all`,
  ),
  ...Array.from({ length: 11 }, (_, i) => txtRecord(`l${i}.test`, `v=spf1 ip4:198.51.100.${i} -all`)),
  txtRecord('typo.test', 'v=spf1 ip4:300.1.1.1 -all'),
  // gsuite.test sends through Google, named through a nested include; nogoogle.test forgets it.
  txtRecord('gsuite.test', 'v=spf1 include:_spf.gsuite.test ~all'),
  txtRecord('_spf.gsuite.test', 'v=spf1 include:_spf.google.com ~all'),
  txtRecord('_spf.google.com', 'v=spf1 ip4:203.0.113.0/24 ~all'),
  txtRecord('nogoogle.test', 'v=spf1 mx ~all'),
  // ed.test: an Ed25519 key (RFC 8463), monitor-only DMARC.
  txtRecord('omni._domainkey.ed.test', `v=DKIM1; k=ed25519; p=${edRaw}`),
  txtRecord('_dmarc.ed.test', 'v=DMARC1; p=none'),
];

describe.skipIf(!hasDnsmasq)('checkDomain against a real DNS server (dnsmasq on loopback)', () => {
  let dns: LocalDns;
  beforeAll(async () => {
    dns = await startDnsmasq(zone);
  });
  afterAll(async () => dns?.stop());

  const check = (domain: string, server?: SendingServer, dkimKey?: HeldDkimKey) =>
    checkDomain({
      domain,
      ...(server ? { server } : {}),
      ...(dkimKey ? { dkimKey } : {}),
      lookup: createDnsLookup({ servers: [dns.server], deadline: Date.now() + 10_000 }),
    });
  const of = (report: DeliverabilityReport, kind: RecordKind) => report.checks.find((c) => c.kind === kind)!;
  const codes = (report: DeliverabilityReport, kind: RecordKind) =>
    of(report, kind).findings.map((f) => f.code);

  it('finds every record of a well set-up domain right, with nothing to publish', async () => {
    const report = await check('good.test', ownServer, held);
    expect(report.checks.map((c) => [c.kind, c.status])).toEqual([
      ['spf', 'ok'],
      ['dkim', 'ok'],
      ['dmarc', 'ok'],
      ['mx', 'ok'],
    ]);
    expect(codes(report, 'spf')).toEqual(['SPF_OK']);
    expect(of(report, 'spf').published).toEqual(['v=spf1 a:mail.good.test -all']);
    expect(codes(report, 'dkim')).toEqual(['DKIM_OK']);
    // The long key came in several strings and is read whole.
    expect(of(report, 'dkim').published).toEqual([`v=DKIM1; k=rsa; p=${keyA}`]);
    expect(codes(report, 'dmarc')).toEqual(['DMARC_POLICY_REJECT']);
    expect(of(report, 'mx').published).toEqual(['10 mx.good.test']);
    expect(report.checks.every((c) => c.record === undefined)).toBe(true);
    expect(report.sendingServer).toEqual(ownServer);
  });

  it('gives the exact record to add for each one a domain lacks', async () => {
    const report = await check('missing.test', ownServer, held);
    expect(report.checks.map((c) => [c.kind, c.status, c.findings[0]!.code])).toEqual([
      ['spf', 'error', 'SPF_MISSING'],
      ['dkim', 'error', 'DKIM_MISSING'],
      ['dmarc', 'error', 'DMARC_MISSING'],
      ['mx', 'warning', 'MX_MISSING'],
    ]);
    expect(of(report, 'spf').record).toEqual({
      name: 'missing.test',
      type: 'TXT',
      value: 'v=spf1 a:mail.good.test ~all',
    });
    expect(of(report, 'dkim').record).toEqual({
      name: 'omni._domainkey.missing.test',
      type: 'TXT',
      value: `v=DKIM1; k=rsa; p=${keyA}`,
    });
    expect(of(report, 'dmarc').record).toEqual({
      name: '_dmarc.missing.test',
      type: 'TXT',
      value: 'v=DMARC1; p=none',
    });
    // A server of one's own usually receives too: the MX names it.
    expect(of(report, 'mx').record).toEqual({ name: 'missing.test', type: 'MX', value: '10 mail.good.test' });
  });

  it('says what is wrong with records that are there, and gives each one’s replacement', async () => {
    const report = await check('broken.test', ownServer, held);
    const spf = of(report, 'spf');
    expect(spf.findings).toEqual([
      {
        code: 'SPF_SERVER_NOT_ALLOWED',
        params: { domain: 'broken.test', server: 'mail.good.test', address: '192.0.2.10', result: 'fail' },
      },
    ]);
    expect(spf.record).toEqual({
      name: 'broken.test',
      type: 'TXT',
      value: 'v=spf1 a:mail.good.test ip4:198.51.100.7 -all',
      replaces: 'v=spf1 ip4:198.51.100.7 -all',
    });
    expect(codes(report, 'dkim')).toEqual(['DKIM_KEY_MISMATCH']);
    expect(of(report, 'dkim').record).toMatchObject({
      value: `v=DKIM1; k=rsa; p=${keyA}`,
      replaces: `v=DKIM1; k=rsa; p=${keyB}`,
    });
    expect(of(report, 'dmarc').findings[0]).toMatchObject({
      code: 'DMARC_INVALID',
      params: { detail: 'p=maybe' },
    });
    expect(of(report, 'dmarc').record).toEqual({
      name: '_dmarc.broken.test',
      type: 'TXT',
      value: 'v=DMARC1; p=none; rua=mailto:x@broken.test',
      replaces: 'v=DMARC1; p=maybe; rua=mailto:x@broken.test',
    });
    expect(of(report, 'mx').findings[0]).toEqual({
      code: 'MX_HOST_UNRESOLVED',
      params: { domain: 'broken.test', host: 'gone.broken.test' },
    });
    expect(of(report, 'mx').record).toMatchObject({
      value: '10 mail.good.test',
      replaces: '10 gone.broken.test',
    });
    expect(report.checks.every((c) => c.status === 'error')).toBe(true);
  });

  it('merges two SPF records into one, refuses two DMARC records, and sees a revoked key and a null MX', async () => {
    const report = await check('twice.test', ownServer, held);
    expect(codes(report, 'spf')).toEqual(['SPF_MULTIPLE']);
    expect(of(report, 'spf').record?.value).toBe(
      'v=spf1 a:mail.good.test include:_spf.example.test ip4:198.51.100.7 ~all',
    );
    expect(codes(report, 'dmarc')).toEqual(['DMARC_MULTIPLE']);
    expect(of(report, 'dmarc').record?.value).toBe('v=DMARC1; p=none');
    expect(codes(report, 'dkim')).toEqual(['DKIM_REVOKED']);
    expect(codes(report, 'mx')).toEqual(['MX_NULL']);
    expect(of(report, 'mx').status).toBe('warning');
  });

  it('flags SPF that lets anyone send, DKIM in testing mode, DMARC on a fraction of mail and an MX that is an address', async () => {
    const report = await check('open.test', ownServer, held);
    expect(codes(report, 'spf')).toEqual(['SPF_ALLOWS_EVERYONE']);
    expect(of(report, 'spf').record).toMatchObject({
      value: 'v=spf1 a:mail.good.test ~all',
      replaces: 'v=spf1 +all',
    });
    expect(codes(report, 'dkim')).toEqual(['DKIM_OK', 'DKIM_TESTING']);
    expect(of(report, 'dkim').status).toBe('warning');
    expect(codes(report, 'dmarc')).toEqual(['DMARC_POLICY_QUARANTINE', 'DMARC_PARTIAL']);
    expect(of(report, 'dmarc').findings[1]!.params.percent).toBe('20');
    expect(codes(report, 'mx')).toEqual(['MX_HOST_IS_ADDRESS']);
  });

  it('reports an SPF record over its ten DNS lookups, and one with a syntax error', async () => {
    const loops = await check('loops.test', ownServer);
    expect(codes(loops, 'spf')).toEqual(['SPF_TOO_MANY_LOOKUPS']);
    expect(of(loops, 'spf').record).toBeUndefined();
    const typo = await check('typo.test', ownServer);
    expect(of(typo, 'spf').findings[0]).toMatchObject({ code: 'SPF_INVALID' });
    expect(of(typo, 'spf').findings[0]!.params.detail).toMatch(/300\.1\.1\.1|address/i);
  });

  it('takes a DMARC record from the organizational domain, with its subdomain policy', async () => {
    const report = await check('sub.good.test', ownServer);
    expect(codes(report, 'dmarc')).toEqual(['DMARC_POLICY_QUARANTINE', 'DMARC_INHERITED']);
    expect(of(report, 'dmarc').findings[1]!.params.organizationalDomain).toBe('good.test');
  });

  it('checks a known mail service by its published include, followed through nested includes', async () => {
    expect(codes(await check('gsuite.test', google), 'spf')).toEqual(['SPF_OK']);
    const missing = await check('nogoogle.test', google);
    expect(codes(missing, 'spf')).toEqual(['SPF_SERVER_NOT_ALLOWED']);
    expect(of(missing, 'spf').record?.value).toBe('v=spf1 include:_spf.google.com mx ~all');
    expect(of(await check('missing.test', google), 'mx').record?.value).toBe('1 smtp.google.com');
  });

  it('uses ip4: for a server given as an address, and cannot judge a relay on a private network', async () => {
    const byAddress = { host: '192.0.2.10', source: 'settings' } as const;
    expect(codes(await check('good.test', byAddress), 'spf')).toEqual(['SPF_OK']);
    expect(of(await check('missing.test', byAddress), 'spf').record?.value).toBe(
      'v=spf1 ip4:192.0.2.10 ~all',
    );
    const relay = { host: '127.0.0.1', source: 'environment' } as const;
    expect(of(await check('good.test', relay), 'spf')).toMatchObject({
      status: 'unknown',
      findings: [{ code: 'SPF_SERVER_PRIVATE' }],
    });
    // A private address is never offered for publishing.
    const missing = of(await check('missing.test', relay), 'spf');
    expect(missing.findings[0]!.code).toBe('SPF_MISSING');
    expect(missing.record).toBeUndefined();
  });

  it('without a known SMTP server says SPF cannot be judged, and without a held key that DKIM has none', async () => {
    const report = await check('good.test');
    expect(of(report, 'spf')).toMatchObject({
      status: 'unknown',
      findings: [{ code: 'SPF_SERVER_UNKNOWN' }],
    });
    expect(of(report, 'dkim')).toMatchObject({ status: 'error', findings: [{ code: 'DKIM_NO_KEY' }] });
    expect(of(await check('missing.test'), 'spf').record).toBeUndefined();
  });

  it('reads an Ed25519 key record and a monitor-only DMARC policy', async () => {
    const report = await check('ed.test', ownServer, { selector: 'omni', publicKey: edKey });
    expect(codes(report, 'dkim')).toEqual(['DKIM_OK']);
    expect(codes(report, 'dmarc')).toEqual(['DMARC_POLICY_NONE']);
    expect(of(report, 'dmarc').status).toBe('ok');
  });
});

describe('checkDomain when DNS does not answer', () => {
  let silent: Socket;
  beforeAll(async () => {
    // A real UDP peer that takes every question and answers none.
    silent = createSocket('udp4');
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => silent.close(() => resolve())));

  it('reports every check as unknown, not missing, and stops at the deadline', async () => {
    const { port } = silent.address() as AddressInfo;
    const started = Date.now();
    const report = await checkDomain({
      domain: 'good.test',
      server: ownServer,
      dkimKey: held,
      lookup: createDnsLookup({
        servers: [`127.0.0.1:${port}`],
        timeoutMs: 5_000,
        deadline: Date.now() + 500,
      }),
    });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(report.checks.map((c) => [c.kind, c.status])).toEqual([
      ['spf', 'unknown'],
      ['dkim', 'unknown'],
      ['dmarc', 'unknown'],
      ['mx', 'unknown'],
    ]);
    for (const c of report.checks)
      expect(c.findings).toEqual([
        { code: 'DNS_FAILED', params: { name: expect.any(String), reason: 'ETIMEOUT' } },
      ]);
    expect(report.checks.every((c) => c.record === undefined && c.published.length === 0)).toBe(true);
  });
});

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiKeys,
  bulkJobs,
  callRecords,
  channelNumbers,
  campaigns,
  caughtMails,
  contactChannels,
  contactFields,
  contactImports,
  contacts,
  conversations,
  dataJobs,
  imapMailboxes,
  invitations,
  mailDomains,
  messages,
  newId,
  quotas,
  userRoles,
  recordings,
  segments,
  sessions,
  templates,
  reportDeliveries,
  reportSchedules,
  users,
  voicePrompts,
  webhookDeliveries,
  webhookSubscriptions,
  workspaces,
} from '@omniflow/db';
import { hashPassword } from '../src/auth/passwords.ts';
import { hashToken } from '../src/auth/tokens.ts';
import { createFilesystemRecordingStore } from '../src/recordings/filesystem-recording-store.ts';
import { publishFlow, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

const approval = JSON.parse(readFileSync(new URL('./golden/approval.graph.json', import.meta.url), 'utf8'));
const webhookDouble = JSON.parse(
  readFileSync(new URL('../../examples/flows/webhook-double.json', import.meta.url), 'utf8'),
) as { nodes: { id: string; config: Record<string, unknown> }[] } & Record<string, unknown>;

/** A's webhook flow: signed with its own secret, at a path of its own. */
const signedHook = {
  ...webhookDouble,
  name: 'Webhook de A',
  nodes: webhookDouble.nodes.map((n) =>
    n.id === 'hook' ? { ...n, config: { ...n.config, path: 'pedidos-a', auth: 'hmac' } } : n,
  ),
};

interface Route {
  method: string;
  path: string;
}

/** Every route the app has, from Hono's own table (as the API fuzz test walks them). */
function appRoutes(app: TestOmniflow['app']): Route[] {
  const seen = new Map<string, Route>();
  for (const route of app.routes) {
    if (route.path === '*' || (route.path.endsWith('/*') && route.method === 'ALL')) continue;
    seen.set(`${route.method} ${route.path}`, { method: route.method, path: route.path });
  }
  return [...seen.values()];
}

/** Paths a signed-in member never reaches by resource id: webhooks, web chat, mail links (own keys). */
const notMemberRoutes =
  /^\/api\/v1\/(webhooks|webchat|email-links|auth)\b|^\/(webchat|docs|assets)\b|^\/api\/docs/;

/**
 * Workspace A holds one of everything; a person who belongs to workspace B only (and B's API
 * key) then calls every route that takes an id with A's ids. Each answer must be the one a
 * made-up id gets (a 404, or the same 400 when the body is refused first): never a 200, a 403
 * that says "it exists but not for you", or a 500. Lists in B never show A's rows.
 */
describe('workspace isolation', () => {
  let omni: TestOmniflow;
  const a: Record<string, string> = {};
  let workspaceB: string;
  let cookieB: string;
  let keyB: string;
  let keyIdB: string;
  const userB = newId();
  let backupJob: string;
  const origin = 'http://localhost';

  beforeAll(async () => {
    const work = mkdtempSync(join(tmpdir(), 'omniflow-isolation-'));
    const recordingStore = createFilesystemRecordingStore({ dir: join(work, 'recordings') });
    const backupSettings = {
      dir: join(work, 'backups'),
      exportDir: join(work, 'exports'),
      keep: 8,
      everyDays: 7,
    };
    omni = await startTestOmniflow({
      db: 'postgres',
      worker: false,
      appDeps: { recordingStore, backupSettings },
    });
    const db = omni.handle.db;
    const workspaceA = (await db.query.workspaces.findFirst())!.id;
    a.workspace = workspaceA;
    a.flow = await publishFlow(omni, approval);
    const run = await omni.call('POST', '/api/v1/runs', {
      flowId: a.flow,
      input: { amount: 500, name: 'z' },
    });
    expect(run.status).toBe(201);
    a.run = run.body.id;
    const bulk = newId();
    await db
      .insert(bulkJobs)
      .values({ id: bulk, workspaceId: workspaceA, action: 'cancel', filter: {}, idempotencyKey: 'k' });
    a.bulk = bulk;
    a.contact = newId();
    await db.insert(contacts).values({ id: a.contact, workspaceId: workspaceA, displayName: 'Ana de A' });
    a.address = newId();
    await db.insert(contactChannels).values({
      id: a.address,
      workspaceId: workspaceA,
      contactId: a.contact,
      channel: 'sms',
      address: '+34600000001',
    } as typeof contactChannels.$inferInsert);
    a.field = newId();
    await db
      .insert(contactFields)
      .values({ id: a.field, workspaceId: workspaceA, key: 'tier', label: 'Tier', type: 'text' });
    a.segment = newId();
    await db
      .insert(segments)
      .values({ id: a.segment, workspaceId: workspaceA, name: 'Segmento A', kind: 'static' });
    a.campaign = newId();
    await db.insert(campaigns).values({
      id: a.campaign,
      workspaceId: workspaceA,
      name: 'Campaña A',
      kind: 'broadcast',
      segmentId: a.segment,
      channels: ['sms'],
    });
    a.template = newId();
    await db
      .insert(templates)
      .values({ id: a.template, workspaceId: workspaceA, name: 'plantilla-a', kind: 'text' });
    a.reportSchedule = newId();
    await db.insert(reportSchedules).values({
      id: a.reportSchedule,
      workspaceId: workspaceA,
      report: 'call-traffic',
      period: 'yesterday',
      format: 'pdf',
      frequency: 'daily',
      hour: 7,
      recipients: ['jefa@a.test'],
      language: 'es',
      nextRunAt: new Date(Date.now() + 86_400_000),
    });
    a.reportDelivery = newId();
    await db.insert(reportDeliveries).values({
      id: a.reportDelivery,
      workspaceId: workspaceA,
      scheduleId: a.reportSchedule,
      trigger: 'schedule',
      status: 'failed',
      error: 'buzón de A lleno',
    });
    // A webhook flow with its HMAC secret, so A's own reads of its hook answer 200.
    a.hookFlow = await publishFlow(omni, signedHook);
    const secret = await omni.call('POST', `/api/v1/flows/${a.hookFlow}/hook/secret`);
    expect(secret.status).toBe(201);
    a.hookSecret = secret.body.secret;
    a.message = newId();
    await db.insert(messages).values({
      id: a.message,
      workspaceId: workspaceA,
      channel: 'sms',
      direction: 'outbound',
      contactAddress: '+34600000001',
      body: { text: 'secreto de A' },
      status: 'sent',
    } as typeof messages.$inferInsert);
    a.conversation = newId();
    await db.insert(conversations).values({
      id: a.conversation,
      workspaceId: workspaceA,
      channel: 'sms',
      contactAddress: '+34600000001',
      status: 'agent',
    });
    a.call = newId();
    await db.insert(callRecords).values({
      id: a.call,
      workspaceId: workspaceA,
      callId: 'call-a',
      driver: 'sip',
      fromNumber: '+34600000001',
      toNumber: '+34900000001',
      startedAt: new Date(),
    });
    a.recording = newId();
    await db.insert(recordings).values({
      id: a.recording,
      workspaceId: workspaceA,
      callRecordId: a.call,
      fromNumber: '+34600000001',
      toNumber: '+34900000001',
      storageKey: `${workspaceA}/rec-a.wav`,
      bytes: 44,
      durationMs: 1000,
    });
    a.prompt = newId();
    await db.insert(voicePrompts).values({
      id: a.prompt,
      workspaceId: workspaceA,
      name: 'bienvenida-a',
      durationMs: 1000,
      bytes: 44,
      storageKey: `${workspaceA}/prompt-a.wav`,
    });
    // Real audio behind both, so A's own reads of it answer 200.
    const wav = join(work, 'a.wav');
    writeFileSync(wav, Buffer.alloc(44));
    await recordingStore.put(`${workspaceA}/rec-a.wav`, wav, 'audio/wav');
    await recordingStore.put(`${workspaceA}/prompt-a.wav`, wav, 'audio/wav');
    a.import = newId();
    await db.insert(contactImports).values({
      id: a.import,
      workspaceId: workspaceA,
      fileName: 'a.csv',
      mapping: {},
    } as typeof contactImports.$inferInsert);
    a.mailbox = newId();
    await db.insert(imapMailboxes).values({
      id: a.mailbox,
      workspaceId: workspaceA,
      host: 'imap.a.test',
      port: 993,
      security: 'tls',
      user: 'a',
      passwordSealed: 'x',
      keyId: 'x',
      address: 'buzon@a.test',
    } as typeof imapMailboxes.$inferInsert);
    a.mail = newId();
    await db.insert(caughtMails).values({
      id: a.mail,
      workspaceId: workspaceA,
      fromAddress: 'a@a.test',
      toAddresses: ['b@a.test'],
      raw: 'Subject: secreto\r\n\r\nA',
    });
    a.number = newId();
    await db.insert(channelNumbers).values({
      id: a.number,
      workspaceId: workspaceA,
      channel: 'sms',
      address: '+34910000099',
      name: 'Número de A',
      provider: 'twilio',
      secretsSealed: 'x',
      keyId: 'x',
    });
    await db.insert(mailDomains).values({ domain: 'a-only.test', workspaceId: workspaceA });
    a.domain = 'a-only.test';
    await db.insert(quotas).values({
      id: newId(),
      workspaceId: workspaceA,
      channel: 'sms',
      period: 'total',
      amount: 7771777,
    } as typeof quotas.$inferInsert);
    const key = await omni.call('POST', '/api/v1/api-keys', {
      name: 'clave de A',
      role: userRoles[userRoles.length - 1],
    });
    expect(key.status).toBe(201);
    a.apiKey = key.body.id;
    a.admin = (await db.query.users.findFirst())!.id;
    a.invitation = newId();
    await db.insert(invitations).values({
      id: a.invitation,
      workspaceId: workspaceA,
      email: 'invitada@a.test',
      name: 'Invitada de A',
      language: 'es',
      role: userRoles[userRoles.length - 1]!,
      tokenHash: hashToken(newId()),
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    a.session = newId();
    await db.insert(sessions).values({
      id: a.session,
      workspaceId: workspaceA,
      userId: a.admin,
      tokenHash: hashToken(newId()),
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    const client = await omni.call('POST', '/api/v1/oauth-clients', {
      name: 'cliente de A',
      scopes: ['read'],
    });
    expect(client.status).toBe(201);
    a.oauthClient = client.body.id;
    a.subscription = newId();
    await db.insert(webhookSubscriptions).values({
      id: a.subscription,
      workspaceId: workspaceA,
      url: 'https://a.test/hook',
      description: 'Webhook de A',
      events: ['run.completed'],
      secretSealed: 'x',
      keyId: 'x',
    });
    a.delivery = newId();
    await db.insert(webhookDeliveries).values({
      id: a.delivery,
      workspaceId: workspaceA,
      subscriptionId: a.subscription,
      eventId: newId(),
      eventType: 'run.completed',
      body: '{"secreto":"de A"}',
      state: 'failed',
      giveUpAt: new Date(),
    });
    a.export = newId();
    // A finished export with its file, so A's own download answers 200.
    mkdirSync(backupSettings.exportDir, { recursive: true });
    await db.insert(dataJobs).values({
      id: a.export,
      kind: 'export',
      workspaceId: workspaceA,
      trigger: 'api',
      status: 'done',
      file: `omniflow-export-${workspaceA}-${a.export}.tar`,
    });
    writeFileSync(join(backupSettings.exportDir, `omniflow-export-${workspaceA}-${a.export}.tar`), 'de A');
    // A backup is of the whole install (one database, every workspace in it), started by any
    // admin and shown to every admin as the last backup: not a row of A, so not in `a`.
    backupJob = newId();
    await db.insert(dataJobs).values({ id: backupJob, kind: 'backup', trigger: 'api', status: 'running' });

    // Workspace B and its admin, who belongs to B only.
    workspaceB = newId();
    await db.insert(workspaces).values({ id: workspaceB, name: 'B' });
    const email = `admin-b-${newId()}@b.test`;
    await db.insert(users).values({
      id: userB,
      workspaceId: workspaceB,
      email,
      passwordHash: await hashPassword('clave de B'),
      role: 'admin',
    });
    const login = await omni.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'clave de B' }),
    });
    expect(login.status).toBe(200);
    cookieB = login.headers.get('set-cookie')!.split(';')[0]!;
    const made = await request('POST', '/api/v1/api-keys', 'cookie', { name: 'clave de B', role: 'admin' });
    expect(made.status).toBe(201);
    keyB = made.body.key;
    keyIdB = made.body.id;
    // B acts as an admin (session and key), so no route is out of reach for lack of a permission:
    // what is tested below is the workspace boundary, not the role matrix.
    for (const as of ['cookie', 'key'] as const) {
      const people = await request('GET', '/api/v1/people', as);
      expect(`${as} ${people.status}`).toBe(`${as} 200`);
    }
  });
  afterAll(async () => omni?.close());

  async function request(method: string, path: string, as: 'cookie' | 'key', body?: unknown) {
    const headers: Record<string, string> = { origin };
    if (as === 'cookie') headers.cookie = cookieB;
    else headers.authorization = `Bearer ${keyB}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await omni.app.request(path, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = response.headers.get('content-type')?.includes('event-stream')
      ? (await response.body?.cancel(), '')
      : await response.text();
    let parsed: any;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return { status: response.status, body: parsed, text };
  }

  /** Who made each row of an audit answer: the JSON page, or the CSV export's actor_id column. */
  function auditActors(answer: { body: any; text: string }): string[] {
    if (Array.isArray(answer.body?.items))
      return answer.body.items.map((row: { actor: { id: string } }) => row.actor.id);
    return answer.text
      .split('\n')
      .slice(1)
      .filter((line) => /^\d{4}-/.test(line))
      .map((line) => line.split(',')[2]!);
  }

  /** A's value for a path parameter, chosen by the collection it names. */
  function aValue(path: string, name: string): string | undefined {
    const before = path.slice(0, path.indexOf(`:${name}`));
    const collection = before.split('/').filter(Boolean).pop() ?? '';
    const byCollection: Record<string, string | undefined> = {
      flows: a.flow,
      runs: a.run,
      bulk: a.bulk,
      contacts: a.contact,
      addresses: a.address,
      'contact-fields': a.field,
      segments: a.segment,
      campaigns: a.campaign,
      templates: a.template,
      'report-schedules': a.reportSchedule,
      messages: a.message,
      conversations: a.conversation,
      calls: a.call,
      recordings: a.recording,
      'voice-prompts': a.prompt,
      'contact-imports': a.import,
      mailboxes: a.mailbox,
      mails: a.mail,
      'api-keys': a.apiKey,
      workspaces: a.workspace,
      numbers: a.number,
      members: a.admin,
      people: a.admin,
      invitations: a.invitation,
      sessions: a.session,
      'oauth-clients': a.oauthClient,
      'webhook-subscriptions': a.subscription,
      deliveries: a.delivery,
      'workspace-exports': a.export,
      'dkim-keys': a.domain,
      'mail-domains': a.domain,
    };
    // The starter flow templates are the install's catalog, the same for every workspace.
    if (collection === 'flow-templates') return 'catalog';
    // Backup jobs are the install's, not a workspace's: their own test below.
    if (collection === 'jobs') return 'install';
    // A's webhook flow for its hook's URLs; the hook URLs themselves name the flow or workspace.
    if (/^\/api\/v1\/flows\/:id\/hook/.test(path) || name === 'flowId') return a.hookFlow;
    if (name === 'workspaceId') return a.workspace;
    // The reports are the install's catalog: A's ids in their filters are tested below.
    if (collection === 'reports') return 'catalog';
    if (name === 'version') return '1';
    if (name === 'channel') return 'sms';
    return byCollection[collection];
  }

  /** The same path with a made-up id in place of A's: what "no such thing" answers. */
  function madeUp(value: string) {
    return /^[0-9a-f-]{36}$/.test(value) ? newId() : value === a.domain ? 'nobody-has.test' : value;
  }

  /** A body good enough that validation does not answer before the lookup. */
  function bodyFor(method: string, path: string): unknown {
    if (method === 'GET' || method === 'DELETE') return undefined;
    const bodies: [RegExp, unknown][] = [
      [/\/members\/remove$|\/segments\/:id\/members$/, { contactIds: [a.contact] }],
      [/\/merge$/, { from: newId() }],
      [/\/switch$/, undefined],
      [/^\/api\/v1\/workspace\/members\//, { role: userRoles[userRoles.length - 1] }],
      [/^\/api\/v1\/workspaces\//, { name: 'robado' }],
      [/^\/api\/v1\/flows\/:id$/, { name: 'robado', nodes: [], edges: [] }],
      [/\/runs\/:id\/events$/, { type: 'approve' }],
      [/\/replay$/, { mode: 'rerun' }],
      [/\/conversations\/:id\/messages$/, { text: 'hola' }],
      [/^\/api\/v1\/templates\/:id$/, { name: 'robado', kind: 'text', variants: { es: { body: 'x' } } }],
      [/^\/api\/v1\/voice-prompts\/:id$/, { name: 'robado' }],
      [
        /^\/api\/v1\/report-schedules\/:id$/,
        {
          report: 'call-traffic',
          period: 'yesterday',
          format: 'pdf',
          frequency: 'daily',
          hour: 7,
          recipients: ['robado@b.test'],
          language: 'es',
        },
      ],
      [/^\/api\/v1\/webhook-subscriptions\/:id$/, { description: 'robado' }],
      [/^\/api\/v1\/people\/:id$/, { name: 'robado' }],
      [/\/addresses$/, { channel: 'sms', address: '+34600000002' }],
    ];
    const found = bodies.find(([pattern]) => pattern.test(path));
    return found ? found[1] : {};
  }

  it('answers every route given an id of another workspace as if the id did not exist', async () => {
    const routes = appRoutes(omni.app).filter((r) => r.path.includes('/:') && !notMemberRoutes.test(r.path));
    expect(routes.length).toBeGreaterThan(40);
    const leaks: string[] = [];
    let tried = 0;
    const statuses = new Map<string, number>();
    let ownOk = 0;
    for (const route of routes) {
      const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      const values = names.map((n) => aValue(route.path, n));
      if (values.some((v) => v === undefined)) {
        leaks.push(`${route.method} ${route.path}: no A value for ${names.join(', ')} (add it to aValue)`);
        continue;
      }
      const fill = (vs: string[]) =>
        names.reduce(
          (p, n, i) => p.replace(new RegExp(`:${n}(\\{[^}]*\\})?`), encodeURIComponent(vs[i]!)),
          route.path,
        );
      if (values[0] === 'catalog' || values[0] === 'install') continue;
      const methods = route.method === 'ALL' ? ['GET'] : [route.method];
      // The ids are real: A's own key reads them (else this test would prove nothing).
      if (route.method === 'GET') {
        const own = await omni.app.request(fill(values as string[]), {
          headers: { authorization: `Bearer ${omni.apiKey}` },
        });
        await own.body?.cancel();
        if (own.status < 300) ownOk++;
        else statuses.set(`own ${own.status} ${route.path}`, 1);
      }
      for (const method of methods)
        for (const as of ['cookie', 'key'] as const) {
          const body = bodyFor(method, route.path);
          const theirs = await request(method, fill(values as string[]), as, body);
          const nobody = await request(method, fill((values as string[]).map(madeUp)), as, body);
          tried++;
          statuses.set(String(theirs.status), (statuses.get(String(theirs.status)) ?? 0) + 1);
          if (theirs.status !== 404 && process.env.ISOLATION_DEBUG)
            console.log(`${method} ${route.path} ${as}`, theirs.status, theirs.text.slice(0, 200));
          const what = `${method} ${route.path} as B's ${as}`;
          if (theirs.status >= 500) leaks.push(`${what}: ${theirs.status} ${theirs.text.slice(0, 200)}`);
          else if (theirs.status === 403 && nobody.status !== 403)
            leaks.push(`${what}: 403 for A's id, ${nobody.status} for a made-up one`);
          else if (theirs.status !== nobody.status)
            leaks.push(
              `${what}: ${theirs.status} for A's id but ${nobody.status} for a made-up one (${theirs.text.slice(0, 160)})`,
            );
          else if (theirs.status < 300 && JSON.stringify(theirs.body ?? '').includes('de A'))
            leaks.push(`${what}: answered A's data ${theirs.text.slice(0, 160)}`);
        }
    }
    console.log('cross-workspace answers', Object.fromEntries(statuses), 'own reads ok', ownOk);
    expect(leaks).toEqual([]);
    expect(tried).toBeGreaterThan(80);
  });

  it('refuses A’s ids named in a body as it refuses made-up ones, and touches none of A’s runs', async () => {
    const cases: [string, string, (id: string) => unknown, string][] = [
      ['POST', '/api/v1/runs', (id) => ({ flowId: id, input: {} }), a.flow!],
      [
        'POST',
        '/api/v1/campaigns',
        (id) => ({ name: 'robada', kind: 'broadcast', segmentId: id, channels: ['sms'] }),
        a.segment!,
      ],
      [
        'POST',
        '/api/v1/runs/bulk',
        (id) => ({ action: 'cancel', filter: { flowId: id }, idempotencyKey: id }),
        a.flow!,
      ],
    ];
    for (const [method, path, body, id] of cases)
      for (const as of ['cookie', 'key'] as const) {
        const theirs = await request(method, path, as, body(id));
        const nobody = await request(method, path, as, body(newId()));
        expect(`${path} ${theirs.status}`).toBe(`${path} ${nobody.status}`);
        expect(theirs.status).toBeLessThan(500);
        expect(theirs.text).not.toContain('de A');
      }
    const run = await omni.call('GET', `/api/v1/runs/${a.run}`);
    expect(run.body.status).not.toBe('cancelled');
  });

  it('lists none of workspace A’s rows to a member of B', async () => {
    const lists = appRoutes(omni.app).filter(
      (r) =>
        r.method === 'GET' &&
        !r.path.includes('/:') &&
        !notMemberRoutes.test(r.path) &&
        !r.path.includes('*'),
    );
    const ids = Object.values(a);
    const leaks: string[] = [];
    for (const route of lists) {
      if (route.path.endsWith('/stream')) continue;
      for (const as of ['cookie', 'key'] as const) {
        const answer = await request('GET', route.path, as);
        if (answer.status >= 500) leaks.push(`${route.path}: ${answer.status}`);
        if (route.path.startsWith('/api/v1/audit')) {
          // B's log records B's own requests, the paths and bodies that named A's ids above among
          // them; what must not be there is a row someone else made.
          const actors = auditActors(answer);
          expect(actors.length, route.path).toBeGreaterThan(0);
          const strangers = actors.filter((actor) => actor !== userB && actor !== keyIdB);
          if (strangers.length > 0)
            leaks.push(`GET ${route.path} as ${as} shows rows of ${strangers.join(', ')}`);
        } else {
          const seen = ids.filter((id) => answer.text.includes(id));
          if (seen.length > 0) leaks.push(`GET ${route.path} as ${as} shows A's ${seen.join(', ')}`);
        }
        // A's quota amount as a whole number: a bare '777' turns up in random ids and times.
        const data = answer.text.search(/\bde A\b|\b7771777\b/);
        if (data >= 0)
          leaks.push(
            `GET ${route.path} as ${as} shows A's data: ${answer.text.slice(Math.max(0, data - 200), data + 60)}`,
          );
      }
    }
    expect(leaks).toEqual([]);
  });

  it('shows the install’s backup jobs alike to every workspace’s admin, with no workspace data', async () => {
    const own = await omni.call('GET', `/api/v1/backups/jobs/${backupJob}`);
    expect(own.status).toBe(200);
    for (const as of ['cookie', 'key'] as const) {
      const theirs = await request('GET', `/api/v1/backups/jobs/${backupJob}`, as);
      expect(theirs.status).toBe(200);
      expect(theirs.body).toEqual(own.body);
      expect(theirs.text).not.toContain(a.workspace);
      const export_ = await request('GET', `/api/v1/backups/jobs/${a.export}`, as);
      expect(export_.status).toBe(404);
    }
  });

  it('reaches none of A’s reports, scheduled reports or webhooks by their ids, and changes none of them', async () => {
    const db = omni.handle.db;
    const secretBefore = await db.query.hookSecrets.findFirst({
      where: (h, { eq }) => eq(h.flowId, a.hookFlow!),
    });
    expect(secretBefore).toBeDefined();
    for (const as of ['cookie', 'key'] as const) {
      // A's flow or campaign as a report's filter answers as a made-up one, and names none of A's.
      for (const [report, filter, id] of [
        ['flow-analytics', 'flowId', a.hookFlow!],
        ['call-traffic', 'flowId', a.flow!],
        ['outbound-messages', 'campaignId', a.campaign!],
      ] as const) {
        const theirs = await request('GET', `/api/v1/reports/${report}?${filter}=${id}`, as);
        const nobody = await request('GET', `/api/v1/reports/${report}?${filter}=${newId()}`, as);
        expect(`${report} ${as} ${theirs.status}`).toBe(`${report} ${as} ${nobody.status}`);
        expect(theirs.status).toBeLessThan(500);
        expect(theirs.text).not.toMatch(/\bde A\b|Campaña A/);
      }
      // Sending, changing or deleting A's schedule, and renewing A's hook secret: as for no schedule.
      for (const [method, path, body] of [
        ['POST', `/api/v1/report-schedules/${a.reportSchedule}/send`, undefined],
        ['GET', `/api/v1/report-schedules/${a.reportSchedule}/deliveries`, undefined],
        ['DELETE', `/api/v1/report-schedules/${a.reportSchedule}`, undefined],
        ['POST', `/api/v1/flows/${a.hookFlow}/hook/secret`, undefined],
        ['GET', `/api/v1/flows/${a.hookFlow}/hook`, undefined],
        ['GET', `/api/v1/flows/${a.flow}/analytics`, undefined],
      ] as const) {
        const theirs = await request(method, path, as, body);
        expect(`${method} ${path} ${theirs.status}`).toBe(`${method} ${path} 404`);
        expect(theirs.text).not.toContain('de A');
      }
      // A's hook URLs are public addresses, guarded by the trigger's own auth: B's key opens
      // neither (the signature is still asked for), and a made-up flow has no test URL at all.
      const headers = { authorization: `Bearer ${keyB}`, 'content-type': 'application/json' };
      const body = JSON.stringify({ n: 4 });
      for (const path of [
        `/api/v1/hooks/test/${a.hookFlow}/pedidos-a`,
        `/api/v1/hooks/${a.workspace}/pedidos-a`,
      ]) {
        const answer = await omni.app.request(path, { method: 'POST', headers, body });
        expect(`${path} ${answer.status}`).toBe(`${path} 401`);
        expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('SIGNATURE_MISSING');
      }
      const nobody = await omni.app.request(`/api/v1/hooks/test/${newId()}/pedidos-a`, {
        method: 'POST',
        headers,
        body,
      });
      expect(nobody.status).toBe(404);
    }
    // A hook that takes an API key refuses B's key, valid as it is, as a key of another workspace.
    const keyedFlow = await publishFlow(omni, {
      ...signedHook,
      name: 'Con clave de A',
      nodes: signedHook.nodes.map((n) =>
        n.id === 'hook' ? { ...n, config: { ...n.config, path: 'clave-a', auth: 'apiKey' } } : n,
      ),
    });
    for (const path of [`/api/v1/hooks/test/${keyedFlow}/clave-a`, `/api/v1/hooks/${a.workspace}/clave-a`]) {
      const answer = await omni.app.request(path, {
        method: 'POST',
        headers: { authorization: `Bearer ${keyB}`, 'content-type': 'application/json' },
        body: JSON.stringify({ n: 4 }),
      });
      expect(`${path} ${answer.status}`).toBe(`${path} 403`);
      expect(await answer.text()).not.toContain('de A');
    }
    // Nothing of A's changed or started: the schedule, its one delivery, the secret, no run.
    const schedule = await db.query.reportSchedules.findFirst({
      where: (r, { eq }) => eq(r.id, a.reportSchedule!),
    });
    expect(schedule?.recipients).toEqual(['jefa@a.test']);
    const deliveries = await db.query.reportDeliveries.findMany({
      where: (d, { eq }) => eq(d.scheduleId, a.reportSchedule!),
    });
    expect(deliveries.map((d) => d.id)).toEqual([a.reportDelivery]);
    const secretAfter = await db.query.hookSecrets.findFirst({
      where: (h, { eq }) => eq(h.flowId, a.hookFlow!),
    });
    expect(secretAfter).toEqual(secretBefore);
    for (const flowId of [a.hookFlow!, keyedFlow])
      expect(await db.query.runs.findMany({ where: (r, { eq }) => eq(r.flowId, flowId) })).toEqual([]);
  });

  it('still has every A row afterwards, and B never reached A by switching', async () => {
    const flow = await omni.call('GET', `/api/v1/flows/${a.flow}`);
    expect(flow.status).toBe(200);
    const contact = await omni.call('GET', `/api/v1/contacts/${a.contact}`);
    expect(contact.status).toBe(200);
    const switched = await request('POST', `/api/v1/workspaces/${a.workspace}/switch`, 'cookie');
    expect(switched.status).toBe(404);
    const session = await omni.handle.db.query.sessions.findFirst({
      where: (s, { eq }) => eq(s.tokenHash, hashToken(cookieB.split('=')[1]!)),
    });
    expect(session?.workspaceId).toBe(workspaceB);
    const key = await omni.handle.db.query.apiKeys.findFirst({ where: (k, { eq }) => eq(k.id, a.apiKey!) });
    expect(key?.revokedAt).toBeNull();
    const db = omni.handle.db;
    const invitation = await db.query.invitations.findFirst({
      where: (i, { eq }) => eq(i.id, a.invitation!),
    });
    expect(invitation?.revokedAt).toBeNull();
    expect(await db.query.sessions.findFirst({ where: (s, { eq }) => eq(s.id, a.session!) })).toBeDefined();
    const client = await db.query.oauthClients.findFirst({ where: (o, { eq }) => eq(o.id, a.oauthClient!) });
    expect(client?.revokedAt).toBeNull();
    const subscription = await omni.call('GET', `/api/v1/webhook-subscriptions/${a.subscription}`);
    expect(subscription.body.description).toBe('Webhook de A');
    const delivery = await db.query.webhookDeliveries.findFirst({
      where: (d, { eq }) => eq(d.id, a.delivery!),
    });
    expect(delivery?.state).toBe('failed');
    const person = await db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, a.admin!) });
    expect(person?.name).not.toBe('robado');
    void apiKeys;
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '@omniflow/db';
import { recordCall } from '../src/recordings/record-call.ts';
import { eventually, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';
import { verifyFromDocs } from './webhooks/doc-verifier.ts';

// Embedded mode (`omniflow dev`) keeps the outbox in PGlite: the same statements (claim with SKIP
// LOCKED, batched inserts) must work there; outbound-webhooks.test.ts covers the rest on PostgreSQL.

describe('outbound webhooks on PGlite', () => {
  let omni: TestOmniflow;
  let receiver: Server;
  let url = '';
  const received: { body: string; signature: string; answered: number }[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        // The first try is refused, so the retry path runs on PGlite too.
        const answered = received.length === 0 ? 503 : 200;
        received.push({
          body: Buffer.concat(chunks).toString('utf8'),
          signature: String(req.headers['omniflow-signature']),
          answered,
        });
        res.writeHead(answered).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    omni = await startTestOmniflow({
      env: {
        OMNIFLOW_HTTP_ALLOW_PRIVATE: '1',
        OMNIFLOW_WEBHOOK_POLL_MS: '100',
        OMNIFLOW_WEBHOOK_RETRY_BASE_MS: '200',
      },
      appDeps: { webhookAllowPrivate: true },
    });
  });
  afterAll(async () => {
    await omni?.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  it('keeps, retries and delivers a call event, signed as documented', async () => {
    const made = await omni.call('POST', '/api/v1/webhook-subscriptions', { url, events: ['call.started'] });
    expect(made.status).toBe(201);
    const workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
    const call = await recordCall(omni.handle.db, {
      workspaceId,
      callId: `sip-${newId()}`,
      driver: 'sip',
      from: '+34911000003',
      to: '100',
      startedAt: new Date(),
    });
    await eventually(async () => (received.length === 2 ? true : undefined));
    expect(received.map((r) => r.answered)).toEqual([503, 200]);
    for (const r of received) expect(verifyFromDocs(made.body.secret, r.signature, r.body)).toBe(true);
    expect(JSON.parse(received[1]!.body)).toMatchObject({ type: 'call.started', data: { callId: call.id } });
    const log = await omni.call('GET', `/api/v1/webhook-subscriptions/${made.body.id}/deliveries`);
    expect(log.body.deliveries[0].attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([
      503, 200,
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SmtpSink } from '@omniflow/nodes/drivers/email/testing';
import { seedAudience } from './support/campaign-audience.ts';
import { eventually, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

const people = 300;
const optOutEvery = 100;

describe.skipIf(!inject('postgresUrl'))(
  'an email broadcast from a library template into a loopback SMTP sink',
  () => {
    let sink: SmtpSink;
    let omni: TestOmniflow;

    beforeAll(async () => {
      sink = await SmtpSink.start();
      omni = await startTestOmniflow({
        db: 'postgres',
        env: { OMNIFLOW_PUBLIC_URL: 'https://omniflow.test' },
      });
      const saved = await omni.call('PUT', '/api/v1/channels/email', {
        provider: 'smtp',
        config: {
          host: '127.0.0.1',
          port: sink.port,
          security: 'none',
          fromAddress: 'noticias@omniflow.test',
          fromName: 'Noticias',
        },
      });
      expect(saved.status).toBe(200);
    }, 60_000);
    afterAll(async () => {
      await omni?.close();
      await sink?.close();
    });

    it('sends each person their mail, with the one-click unsubscribe link, and counts it', async () => {
      const workspace = await omni.handle.db.query.workspaces.findFirst();
      const { segmentId } = await seedAudience(omni.handle.db, {
        workspaceId: workspace!.id,
        count: people,
        channel: 'email',
        optOutEvery,
      });
      const template = await omni.call('POST', '/api/v1/templates', {
        name: 'boletin-diciembre',
        kind: 'email',
        variants: {
          es: {
            subject: 'Novedades para {{ contact.first_name }}',
            body: '<mj-section><mj-column><mj-text>Hola {{ contact.first_name }}, estas son las novedades.</mj-text></mj-column></mj-section>',
          },
        },
      });
      expect(template.status).toBe(201);
      const sms = await omni.call('POST', '/api/v1/campaigns', {
        name: 'Equivocada',
        channel: 'sms',
        segmentId,
        content: { templateId: template.body.id },
      });
      expect(sms.status).toBe(422);
      expect(sms.body.error.code).toBe('TEMPLATE_KIND_MISMATCH');

      const created = await omni.call('POST', '/api/v1/campaigns', {
        name: 'Boletín de diciembre',
        channel: 'email',
        segmentId,
        content: { templateId: template.body.id },
        ratePerSecond: 500,
      });
      expect(created.status).toBe(201);
      const id = created.body.id;
      const before = (await omni.call('GET', `/api/v1/campaigns/${id}/stats`)).body;
      expect(before.forecast).toMatchObject({ remaining: people, rate: 500, basis: 'limit' });
      expect((await omni.call('POST', `/api/v1/campaigns/${id}/start`)).status).toBe(200);
      await eventually(async () => {
        const row = await omni.call('GET', `/api/v1/campaigns/${id}`);
        return row.body.status === 'completed' ? true : undefined;
      }, 60_000);

      const reachable = people - people / optOutEvery;
      expect(sink.mails.length).toBe(reachable);
      const one = sink.mails.find((m) => m.recipients.includes('person7@example.test'))!;
      expect(one.raw).toMatch(/Subject: Novedades para Ana7/);
      expect(one.raw).toMatch(/List-Unsubscribe:\s+<https:\/\/omniflow\.test\//);
      expect(one.raw).toMatch(/List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
      expect(sink.mails.some((m) => m.recipients.includes('person1@example.test'))).toBe(false);
      const stats = (await omni.call('GET', `/api/v1/campaigns/${id}/stats`)).body;
      expect(stats).toMatchObject({
        targeted: people,
        skippedByReason: { opted_out: people / optOutEvery },
        sent: reachable,
        failed: 0,
        queued: 0,
      });
    }, 120_000);
  },
);

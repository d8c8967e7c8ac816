import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactChannels, contacts, newId, segmentMembers, segments } from '@omniflow/db';
import { eventually, startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

describe('a frequency cap across campaigns and channels', () => {
  let omni: TestOmniflow;
  let workspaceId: string;

  beforeAll(async () => {
    omni = await startTestOmniflow({ env: { OMNIFLOW_PUBLIC_URL: 'https://omniflow.test' } });
    workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
  }, 60_000);
  afterAll(async () => omni?.close());

  async function segmentOf(people: { phone: string; email: string }[]) {
    const db = omni.handle.db;
    const segmentId = newId();
    await db.insert(segments).values({ id: segmentId, workspaceId, name: segmentId, kind: 'static' });
    for (const person of people) {
      let [contact] = await db
        .select({ id: contactChannels.contactId })
        .from(contactChannels)
        .where(eq(contactChannels.address, person.phone));
      if (!contact) {
        contact = { id: newId() };
        await db.insert(contacts).values({ id: contact.id, workspaceId, firstName: 'Luz' });
        const base = {
          workspaceId,
          contactId: contact.id,
          consentAt: new Date(),
          consentSource: 'imported' as const,
        };
        await db.insert(contactChannels).values([
          { ...base, id: newId(), channel: 'sms', address: person.phone },
          { ...base, id: newId(), channel: 'email', address: person.email },
        ]);
      }
      await db.insert(segmentMembers).values({ segmentId, contactId: contact.id });
    }
    return segmentId;
  }

  async function send(channel: 'sms' | 'email', segmentId: string, marketing = true) {
    const created = await omni.call('POST', '/api/v1/campaigns', {
      name: `${channel} ${marketing ? 'promo' : 'aviso'}`,
      channel,
      segmentId,
      marketing,
      content: { text: 'Hola', subject: 'Hola' },
    });
    expect(created.status).toBe(201);
    expect((await omni.call('POST', `/api/v1/campaigns/${created.body.id}/start`)).status).toBe(200);
    return eventually(async () => {
      const s = (await omni.call('GET', `/api/v1/campaigns/${created.body.id}/stats`)).body;
      return s.status === 'completed' ? s : undefined;
    }, 30_000);
  }

  const person = (n: number) => ({ phone: `+5198800000${n}`, email: `luz${n}@example.test` });

  it('skips, with reason frequency_cap, people who already got the week’s marketing messages', async () => {
    const setCap = (frequencyCap: unknown) =>
      // Raw jsonb, as the settings screen's API may have written it.
      omni.handle.db.execute(
        sql`update workspaces set campaign_settings = ${JSON.stringify({ frequencyCap })}::jsonb
          where id = ${workspaceId}::uuid`,
      );
    await setCap({ messages: 1, days: 7 });
    const first = await segmentOf([person(1), person(2), person(3)]);
    const everyone = await segmentOf([person(1), person(2), person(3), person(4)]);

    expect(await send('sms', first)).toMatchObject({ sent: 3, skipped: 0 });
    // Another campaign on another channel: the three who got the SMS promo this week are capped.
    expect(await send('email', everyone)).toMatchObject({
      sent: 1,
      skipped: 3,
      skippedByReason: { frequency_cap: 3 },
    });
    // A service message (not marketing) is never capped.
    expect(await send('sms', everyone, false)).toMatchObject({ sent: 4, skipped: 0 });
    // Two a week: each has one marketing message so far (the service message does not count).
    await setCap({ messages: 2, days: 7 });
    expect(await send('sms', everyone)).toMatchObject({ sent: 4, skipped: 0 });
    expect(await send('sms', everyone)).toMatchObject({ skippedByReason: { frequency_cap: 4 } });
    // A cap the settings screen could not have saved is no cap at all, never a failed campaign.
    await setCap({ messages: 'two', days: -1 });
    expect(await send('sms', everyone)).toMatchObject({ sent: 4, skipped: 0 });
  }, 120_000);
});

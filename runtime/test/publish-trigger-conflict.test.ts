import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { triggerClaims, sharedClaim } from '../src/graph/trigger-claims.ts';
import { flowDocumentSchema } from '../src/graph/flow-schema.ts';
import { startTestOmniflow, type TestOmniflow } from './support/test-omniflow.ts';

const callFlow = (name: string, numbers: string[]) => ({
  name,
  nodes: [
    { id: 'call', type: 'voice.inbound-call', config: { numbers } },
    { id: 'hi', type: 'voice.say', config: { text: 'Hola' } },
  ],
  edges: [{ id: 'e1', from: { node: 'call', port: 'next' }, to: { node: 'hi' } }],
});

const botFlow = (name: string, config: Record<string, string>) => ({
  name,
  nodes: [
    { id: 'in', type: 'message.inbound', config },
    { id: 'reply', type: 'message.send', config: { channel: 'conversation', text: 'Hola' } },
  ],
  edges: [{ id: 'e1', from: { node: 'in', port: 'next' }, to: { node: 'reply' } }],
});

describe('what a trigger claims', () => {
  const claims = (flow: object) => triggerClaims(flowDocumentSchema.parse(flow));

  it('sees the same number however it is written', () => {
    expect(
      sharedClaim(claims(callFlow('a', ['+34 910 000 000'])), claims(callFlow('b', ['+34910000000']))),
    ).toMatchObject({
      kind: 'number',
      en: 'the number +34 910 000 000',
    });
    expect(sharedClaim(claims(callFlow('a', ['1000'])), claims(callFlow('b', ['1001'])))).toBeUndefined();
  });

  it('sees a keyword claimed on a shared channel, accents and case aside, but not on separate channels', () => {
    const cita = claims(botFlow('a', { channel: 'any', keyword: 'Cita' }));
    expect(sharedClaim(cita, claims(botFlow('b', { channel: 'whatsapp', keyword: 'CITÁ' })))).toBeDefined();
    const sms = claims(botFlow('c', { channel: 'sms', keyword: 'cita' }));
    expect(sharedClaim(sms, claims(botFlow('d', { channel: 'whatsapp', keyword: 'cita' })))).toBeUndefined();
    // A catch-all and a keyword flow live together: the keyword is its own claim.
    expect(sharedClaim(cita, claims(botFlow('e', { channel: 'any', keyword: '' })))).toBeUndefined();
  });

  it('claims nothing for a flow started by hand', () => {
    expect(claims({ name: 'manual', nodes: [{ id: 's', type: 'flow.start' }], edges: [] })).toEqual([]);
  });
});

describe('publishing a flow whose trigger another published flow already claims', () => {
  let omni: TestOmniflow;
  beforeAll(async () => {
    omni = await startTestOmniflow({ db: 'postgres' });
  });
  afterAll(async () => omni?.close());

  async function create(flow: object): Promise<string> {
    const created = await omni.call('POST', '/api/v1/flows', flow);
    expect(created.status).toBe(201);
    return created.body.id as string;
  }
  const publish = (id: string) => omni.call('POST', `/api/v1/flows/${id}/publish`, { notes: '' });

  it('answers 409 naming the other flow for a duplicated bot, and publishes once the keyword differs', async () => {
    const original = await create(botFlow('Citas', { channel: 'whatsapp', keyword: 'cita' }));
    expect((await publish(original)).status).toBe(201);
    // Duplicating makes a draft with the same trigger: nothing is taken over until it publishes.
    const copy = await create(botFlow('Copia de Citas', { channel: 'whatsapp', keyword: 'CITA' }));

    const refused = await publish(copy);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'TRIGGER_CLAIMED' });
    expect(refused.body.error.message).toContain('"Citas"');
    expect(refused.body.error.details.errors).toEqual([
      expect.objectContaining({
        code: 'TRIGGER_CLAIMED',
        severity: 'error',
        nodeId: 'in',
        params: { flow: 'Citas', claim: 'the keyword "CITA"', claimEs: 'la palabra clave «CITA»' },
      }),
    ]);
    const versions = await omni.call('GET', `/api/v1/flows/${copy}/versions`);
    expect(versions.body.items).toEqual([]);

    const changed = botFlow('Copia de Citas', { channel: 'whatsapp', keyword: 'turno' });
    expect((await omni.call('PUT', `/api/v1/flows/${copy}`, changed)).status).toBe(200);
    expect((await publish(copy)).status).toBe(201);
  });

  it('lets a flow publish again over its own earlier version, and refuses a second flow on its number', async () => {
    const ivr = await create(callFlow('Centralita', ['+34 910 111 222']));
    expect((await publish(ivr)).status).toBe(201);
    expect((await publish(ivr)).status).toBe(201);

    const other = await create(callFlow('Otra', ['555', '+34910111222']));
    const refused = await publish(other);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.errors[0].params).toMatchObject({ flow: 'Centralita' });
  });

  it('publishes a flow on a number nobody else answers', async () => {
    const free = await create(callFlow('Libre', ['+34 910 999 999']));
    const published = await publish(free);
    expect(published.status).toBe(201);
    expect(published.body.version).toBe(1);
  });
});

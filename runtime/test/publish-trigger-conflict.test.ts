import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailDomains, newId, workspaces } from '@omniflow/db';
import { createApiKey } from '../src/api/api-keys.ts';
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

const mailFlow = (name: string, config: Record<string, string>) => ({
  name,
  nodes: [
    { id: 'mail', type: 'email.inbound', config },
    { id: 'answer', type: 'email.reply', config: { body: 'Recibido' } },
    { id: 'end', type: 'flow.end', config: {} },
  ],
  edges: [
    { id: 'e1', from: { node: 'mail', port: 'next' }, to: { node: 'answer' } },
    { id: 'e2', from: { node: 'answer', port: 'sent' }, to: { node: 'end' } },
  ],
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

describe('publishing what a flow of another workspace already claims', () => {
  let omni: TestOmniflow;
  let other: Record<string, string>;
  let otherId: string;
  beforeAll(async () => {
    omni = await startTestOmniflow({ db: 'postgres' });
    const id = newId();
    otherId = id;
    await omni.handle.db.insert(workspaces).values({ id, name: 'Clínica Norte' });
    const { key } = await createApiKey(omni.handle.db, id, 'otra', null, 'admin');
    other = { authorization: `Bearer ${key}` };
    await omni.handle.db.insert(mailDomains).values({ domain: 'propio.example', workspaceId: id });
  });
  afterAll(async () => omni?.close());

  /** Creates and publishes in this workspace (`as` unset) or the other one; the publish answer. */
  async function publishAs(flow: object, as: Record<string, string> = {}, language = 'en') {
    const created = await omni.call('POST', '/api/v1/flows', flow, as);
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const published = await omni.call(
      'POST',
      `/api/v1/flows/${id}/publish`,
      { notes: '' },
      { ...as, 'accept-language': language },
    );
    return { id, ...published };
  }

  it('refuses a number another organisation answers, without saying which of its flows does', async () => {
    expect((await publishAs(callFlow('Centralita secreta', ['+34 911 000 001']), other)).status).toBe(201);

    const refused = await publishAs(callFlow('Recepción', ['911', '+34911000001']), {}, 'es');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('TRIGGER_CLAIMED');
    expect(refused.body.error.message).toBe(
      'Otra organización de esta instalación ya atiende el número +34911000001; usa otro número o dirección, o pregunta a quien administra la instalación',
    );
    expect(refused.body.error.details.errors).toEqual([
      {
        code: 'TRIGGER_CLAIMED',
        severity: 'error',
        nodeId: 'call',
        message: expect.stringContaining('Another organisation on this installation already answers'),
        params: { reason: 'elsewhere', claim: 'the number +34911000001', claimEs: 'el número +34911000001' },
      },
    ]);
    const said = JSON.stringify(refused.body);
    for (const secret of ['secreta', 'Clínica Norte', otherId]) expect(said).not.toContain(secret);
    const versions = await omni.call('GET', `/api/v1/flows/${refused.id}/versions`);
    expect(versions.body.items).toEqual([]);

    expect((await publishAs(callFlow('Recepción', ['+34 911 000 002']))).status).toBe(201);
  });

  it('lets two organisations use the same keyword: a message’s workspace is known before any flow', async () => {
    expect(
      (await publishAs(botFlow('Citas de la otra', { channel: 'sms', keyword: 'cita' }), other)).status,
    ).toBe(201);
    expect((await publishAs(botFlow('Citas', { channel: 'any', keyword: 'Cita' }))).status).toBe(201);
    // Within one workspace the keyword is still one flow's, named.
    const twice = await publishAs(botFlow('Citas bis', { channel: 'whatsapp', keyword: 'cita' }));
    expect(twice.status).toBe(409);
    expect(twice.body.error.details.errors[0].params).toMatchObject({ flow: 'Citas' });
  });

  it('refuses a mail address another organisation receives on, whatever the filters or the trigger', async () => {
    expect(
      (await publishAs(mailFlow('Ayuda de la otra', { address: 'ayuda@otra.example' }), other)).status,
    ).toBe(201);
    // The mail server picks the workspace by the address alone: a subject filter does not share it.
    const filtered = await publishAs(mailFlow('Altas', { address: ' Ayuda@Otra.example', subject: 'alta' }));
    expect(filtered.status).toBe(409);
    expect(filtered.body.error.details.errors[0].params).toEqual({
      reason: 'elsewhere',
      claim: 'the address ayuda@otra.example',
      claimEs: 'la dirección ayuda@otra.example',
    });
    // A bot whose "to" is that address would take its mail too.
    const bot = await publishAs(botFlow('Bot', { channel: 'any', to: 'ayuda@otra.example', keyword: '' }));
    expect(bot.status).toBe(409);
    // An address of a domain the other organisation owns is its mail even without a flow.
    const domain = await publishAs(mailFlow('Ventas', { address: 'ventas@propio.example' }));
    expect(domain.status).toBe(409);
    expect(domain.body.error.details.errors[0].params).toMatchObject({ reason: 'elsewhere' });

    // Within one workspace, two flows on one address with different subjects live together.
    expect((await publishAs(mailFlow('Soporte', { address: 'soporte@mia.example' }))).status).toBe(201);
    expect(
      (await publishAs(mailFlow('Bajas', { address: 'soporte@mia.example', subject: 'baja' }))).status,
    ).toBe(201);
  });
});

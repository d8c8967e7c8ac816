import { and, asc, eq } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { messages, runs } from '@omniflow/db';
import { parseMail } from '@omniflow/nodes/drivers/email';
import { createMessagingService } from '../src/messaging/messaging-service.ts';
import { routeInbound } from '../src/messaging/route-inbound.ts';
import { mailTrigger } from '../src/messaging/route-mail.ts';
import {
  eventually,
  publishFlow,
  runReaches,
  startTestOmniflow,
  type TestOmniflow,
} from './support/test-omniflow.ts';

// A help desk inbox answered by flows, through Temporal with the sandbox email driver: mails come
// in as raw MIME (parseMail, as the inbound server and IMAP hand them over) and go through
// routeInbound; what the flows send is read back from `messages`.

const autoReply = {
  name: 'Auto-respuesta de ayuda',
  nodes: [
    { id: 'mail', type: 'email.inbound', config: { address: 'ayuda@omniflow.test' } },
    {
      id: 'answer',
      type: 'email.reply',
      config: { body: 'Hola, hemos recibido tu correo «{{ input.email.subject }}». Te contestamos hoy.' },
    },
    { id: 'end', type: 'flow.end', config: {} },
  ],
  edges: [
    { id: 'e1', from: { node: 'mail', port: 'next' }, to: { node: 'answer' } },
    { id: 'e2', from: { node: 'answer', port: 'sent' }, to: { node: 'end' } },
  ],
};

const customerNumber = (address: string, timeout: string) => ({
  name: `Número de cliente (${address})`,
  nodes: [
    { id: 'mail', type: 'email.inbound', config: { address, subject: 'alta' } },
    {
      id: 'ask',
      type: 'message.ask',
      config: {
        channel: 'conversation',
        question: '¿Cuál es tu número de cliente?',
        expect: 'number',
        timeout,
      },
    },
    {
      id: 'thanks',
      type: 'email.reply',
      config: { body: 'Gracias, cliente {{ nodes.ask.output.answer }}.' },
    },
    {
      id: 'late',
      type: 'message.send',
      config: { channel: 'conversation', text: 'Cerramos tu solicitud por falta de respuesta.' },
    },
    { id: 'done', type: 'flow.end', config: {} },
    { id: 'closed', type: 'flow.end', config: {} },
  ],
  edges: [
    { id: 'e1', from: { node: 'mail', port: 'next' }, to: { node: 'ask' } },
    { id: 'e2', from: { node: 'ask', port: 'answered' }, to: { node: 'thanks' } },
    { id: 'e3', from: { node: 'ask', port: 'invalid' }, to: { node: 'closed' } },
    { id: 'e4', from: { node: 'ask', port: 'timeout' }, to: { node: 'late' } },
    { id: 'e5', from: { node: 'ask', port: 'failed' }, to: { node: 'closed' } },
    { id: 'e6', from: { node: 'thanks', port: 'sent' }, to: { node: 'done' } },
    { id: 'e7', from: { node: 'late', port: 'sent' }, to: { node: 'closed' } },
  ],
});

let sequence = 0;
/** A mail as a mail client writes it (RFC 5322), with its own Message-ID. */
function rawMail(mail: {
  from: string;
  to: string;
  subject: string;
  text: string;
  inReplyTo?: string;
  references?: string[];
}) {
  const messageId = `m${++sequence}.${Date.now()}@mail.example.com`;
  const headers = [
    `From: Ana <${mail.from}>`,
    `To: ${mail.to}`,
    `Subject: ${mail.subject}`,
    `Message-ID: <${messageId}>`,
    `Date: ${new Date().toUTCString()}`,
    ...(mail.inReplyTo ? [`In-Reply-To: <${mail.inReplyTo}>`] : []),
    ...(mail.references ? [`References: ${mail.references.map((id) => `<${id}>`).join(' ')}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
  ];
  return { messageId, raw: `${headers.join('\r\n')}\r\n\r\n${mail.text.replace(/\n/g, '\r\n')}\r\n` };
}

// The thread lookup is SQL of its own: both databases run it.
const backends = [
  { db: 'pglite' as const, enabled: true },
  { db: 'postgres' as const, enabled: Boolean(inject('postgresUrl')) },
].filter((backend) => backend.enabled);

describe.each(backends)('email flows on $db: mail in, answers in the thread', ({ db }) => {
  let omni: TestOmniflow;
  let workspaceId: string;

  beforeAll(async () => {
    omni = await startTestOmniflow({ db });
    workspaceId = (await omni.handle.db.query.workspaces.findFirst())!.id;
    await publishFlow(omni, autoReply);
    await publishFlow(omni, customerNumber('altas@omniflow.test', 'PT10M'));
    await publishFlow(omni, customerNumber('prisa@omniflow.test', 'PT1S'));
  });
  afterAll(async () => omni?.close());

  async function deliver(raw: string) {
    const { messages: parsed } = await parseMail(raw);
    const deps = {
      db: omni.handle.db,
      temporal: omni.temporal,
      taskQueue: omni.taskQueue,
      messaging: createMessagingService({ db: omni.handle.db, drivers: {} }),
    };
    return routeInbound(deps, workspaceId, parsed[0]!);
  }

  const sentBy = (runId: string) =>
    omni.handle.db
      .select()
      .from(messages)
      .where(and(eq(messages.runId, runId), eq(messages.direction, 'outbound')))
      .orderBy(asc(messages.createdAt), asc(messages.id));

  it('answers a new mail in its thread, with Re:, In-Reply-To, References and Auto-Submitted', async () => {
    const mail = rawMail({
      from: 'ana@example.com',
      to: 'Ayuda@Omniflow.test',
      subject: 'No puedo entrar',
      text: 'Hola, no puedo entrar.',
    });
    const routed = await deliver(mail.raw);
    expect(routed.outcome).toBe('started');
    const runId = 'runId' in routed ? routed.runId : '';
    const run = await runReaches(omni, runId, ['completed', 'failed']);
    expect(run.status).toBe('completed');
    const [reply] = await sentBy(runId);
    expect(reply).toMatchObject({ channel: 'email', contactAddress: 'ana@example.com', nodeId: 'answer' });
    expect(reply!.body).toMatchObject({
      to: 'ana@example.com',
      text: 'Hola, hemos recibido tu correo «No puedo entrar». Te contestamos hoy.',
      email: {
        subject: 'Re: No puedo entrar',
        inReplyTo: mail.messageId,
        references: [mail.messageId],
        autoSubmitted: 'auto-replied',
      },
    });
    // The mail itself is recorded with its thread headers and belongs to the run.
    const [inbound] = await omni.handle.db
      .select()
      .from(messages)
      .where(eq(messages.providerMessageId, mail.messageId));
    expect(inbound).toMatchObject({
      direction: 'inbound',
      runId,
      body: { email: { subject: 'No puedo entrar' } },
    });
  });

  it('asks by mail, waits, and takes the reply that names the question as the answer', async () => {
    const first = rawMail({
      from: 'luis@example.com',
      to: 'altas@omniflow.test',
      subject: 'Alta en el servicio',
      text: 'Quiero darme de alta.',
    });
    const routed = await deliver(first.raw);
    const runId = 'runId' in routed ? routed.runId : '';
    await runReaches(omni, runId, ['waiting']);
    const question = await eventually(async () => (await sentBy(runId)).find((m) => m.providerMessageId));
    expect(question.body).toMatchObject({
      text: '¿Cuál es tu número de cliente?',
      email: { subject: 'Re: Alta en el servicio', inReplyTo: first.messageId },
    });

    // A new mail from the same person, not in the thread, is not the answer: it starts a run of its own.
    const unrelated = rawMail({
      from: 'luis@example.com',
      to: 'altas@omniflow.test',
      subject: 'Otra alta',
      text: '12345',
    });
    const other = await deliver(unrelated.raw);
    expect(other.outcome).toBe('started');
    expect('runId' in other && other.runId).not.toBe(runId);

    const answer = rawMail({
      from: 'luis@example.com',
      to: 'altas@omniflow.test',
      subject: 'Re: Alta en el servicio',
      text: `4711\n\nOn Mon, 7 Dec 2026 at 10:00, Altas <altas@omniflow.test> wrote:\n> ¿Cuál es tu número de cliente?`,
      inReplyTo: question.providerMessageId!,
      references: [first.messageId, question.providerMessageId!],
    });
    expect(await deliver(answer.raw)).toEqual({ outcome: 'delivered', runId });
    const run = await runReaches(omni, runId, ['completed', 'failed']);
    expect(run.status).toBe('completed');
    const sent = await sentBy(runId);
    expect(sent.map((m) => m.nodeId)).toEqual(['ask', 'thanks']);
    // The thanks answers the person's reply (the newest mail of the run), deeper in the thread.
    expect(sent[1]!.body).toMatchObject({
      text: 'Gracias, cliente 4711.',
      email: {
        subject: 'Re: Alta en el servicio',
        inReplyTo: answer.messageId,
        references: [first.messageId, question.providerMessageId, answer.messageId],
      },
    });
  });

  it('leaves by timeout when no reply comes in time', async () => {
    const mail = rawMail({
      from: 'eva@example.com',
      to: 'prisa@omniflow.test',
      subject: 'alta urgente',
      text: 'Hola',
    });
    const routed = await deliver(mail.raw);
    const runId = 'runId' in routed ? routed.runId : '';
    const run = await runReaches(omni, runId, ['completed', 'failed']);
    expect(run.status).toBe('completed');
    const sent = await sentBy(runId);
    expect(sent.map((m) => m.nodeId)).toEqual(['ask', 'late']);
    expect(sent[1]!.body).toMatchObject({
      email: { subject: 'Re: alta urgente', inReplyTo: mail.messageId },
    });
  });

  it('starts the trigger flow again for a reply to a run that has ended, and leaves other mail unrouted', async () => {
    const mail = rawMail({
      from: 'rosa@example.com',
      to: 'ayuda@omniflow.test',
      subject: 'Horario',
      text: '¿Abrís el sábado?',
    });
    const firstRun = await deliver(mail.raw);
    const firstId = 'runId' in firstRun ? firstRun.runId : '';
    await runReaches(omni, firstId, ['completed']);
    const [ours] = await sentBy(firstId);
    const again = rawMail({
      from: 'rosa@example.com',
      to: 'ayuda@omniflow.test',
      subject: 'Re: Horario',
      text: '¿Y el domingo?',
      inReplyTo: ours!.providerMessageId!,
    });
    const second = await deliver(again.raw);
    expect(second.outcome).toBe('started');
    expect('runId' in second && second.runId).not.toBe(firstId);
    const nobody = rawMail({
      from: 'rosa@example.com',
      to: 'nadie@omniflow.test',
      subject: 'Hola',
      text: 'x',
    });
    expect(await deliver(nobody.raw)).toEqual({ outcome: 'unrouted' });
    expect(await deliver(mail.raw)).toEqual({ outcome: 'duplicate' });
    const started = await omni.handle.db
      .select({ id: runs.id })
      .from(runs)
      .where(eq(runs.contact, 'rosa@example.com'));
    expect(started).toHaveLength(2);
  });

  it('runs the help desk example: an order number asked and answered by mail', async () => {
    const example = JSON.parse(
      readFileSync(new URL('../../examples/flows/email-help-desk.json', import.meta.url), 'utf8'),
    ) as { nodes: { id: string; config: Record<string, unknown> }[] };
    // Its trigger takes any address: here it only takes the example's, beside the other flows.
    example.nodes[0]!.config = { ...example.nodes[0]!.config, address: 'pedidos@omniflow.test' };
    await publishFlow(omni, example);
    const mail = rawMail({
      from: 'pau@example.com',
      to: 'pedidos@omniflow.test',
      subject: 'Mi pedido',
      text: '¿Dónde está?',
    });
    const routed = await deliver(mail.raw);
    const runId = 'runId' in routed ? routed.runId : '';
    await runReaches(omni, runId, ['waiting']);
    const question = await eventually(async () => (await sentBy(runId)).find((m) => m.providerMessageId));
    expect(question.body).toMatchObject({
      email: { subject: 'Re: Mi pedido', autoSubmitted: 'auto-replied' },
    });
    const answer = rawMail({
      from: 'pau@example.com',
      to: 'pedidos@omniflow.test',
      subject: 'Re: Mi pedido',
      text: `12345\n\nEl lun, 7 dic 2026 a las 10:00, <pedidos@omniflow.test> escribió:\n> Si es sobre un pedido…`,
      inReplyTo: question.providerMessageId!,
    });
    expect(await deliver(answer.raw)).toEqual({ outcome: 'delivered', runId });
    expect(await runReaches(omni, runId, ['completed', 'failed'])).toMatchObject({
      status: 'completed',
      output: { order: 12345 },
    });
    const sent = await sentBy(runId);
    expect(sent.map((m) => (m.body as { text: string }).text)).toEqual([
      'Hola, hemos recibido tu correo «Mi pedido».\nSi es sobre un pedido, responde a este correo con su número (solo cifras).',
      'Tu pedido 12345 está en camino y llega mañana. ¡Gracias!',
    ]);
  });

  it('tests an email flow’s draft in the simulator: the first mail starts it, replies reach it', async () => {
    const created = await omni.call(
      'POST',
      '/api/v1/flows',
      customerNumber('simulador@omniflow.test', 'PT10M'),
    );
    const started = await omni.call('POST', `/api/v1/flows/${created.body.id}/test-runs`, {
      message: { channel: 'email', text: 'Quiero el alta' },
    });
    expect(started.status).toBe(201);
    const { id: runId, conversation } = started.body;
    await runReaches(omni, runId, ['waiting']);
    const reply = await omni.call('POST', '/api/v1/sandbox/messages', {
      channel: 'email',
      from: conversation.address,
      text: '4711',
    });
    expect(reply.body).toEqual({ outcome: 'delivered', runId });
    expect(await runReaches(omni, runId, ['completed', 'failed'])).toMatchObject({
      status: 'completed',
      test: true,
    });
    const sent = await sentBy(runId);
    expect(sent.map((m) => (m.body as { text: string }).text)).toEqual([
      '¿Cuál es tu número de cliente?',
      'Gracias, cliente 4711.',
    ]);
    expect(sent[1]!.body).toMatchObject({ to: conversation.address, email: { subject: 'Re:' } });
  });

  it('tells where mail comes in which flow a mail would start and its auto-reply period', async () => {
    const mail = rawMail({ from: 'ana@example.com', to: 'ayuda@omniflow.test', subject: 'x', text: 'y' });
    const [parsed] = (await parseMail(mail.raw)).messages;
    const trigger = await mailTrigger(omni.handle.db, workspaceId, parsed!);
    expect(trigger).toMatchObject({ autoReplyPeriodMs: 86_400_000 });
    const [flow] = await omni.handle.db.query.flows.findMany({
      where: (f, { eq: is }) => is(f.id, trigger!.flowId),
    });
    expect(flow?.name).toBe('Auto-respuesta de ayuda');
    const nobody = (await parseMail(rawMail({ from: 'a@b.c', to: 'nadie@x.y', subject: '', text: '' }).raw))
      .messages[0]!;
    expect(await mailTrigger(omni.handle.db, workspaceId, nobody)).toBeUndefined();
  });

  it('refuses to publish an email flow with missing parts, naming each field', async () => {
    const created = await omni.call('POST', '/api/v1/flows', {
      name: 'Correo a medias',
      nodes: [
        { id: 'mail', type: 'email.inbound', config: { address: 'ayuda', autoReplyPeriod: 'un día' } },
        { id: 'send', type: 'email.send', config: { to: 'jefe@example.com' } },
        { id: 'pick', type: 'email.send', config: { content: 'template' } },
      ],
      edges: [
        { id: 'e1', from: { node: 'mail', port: 'next' }, to: { node: 'send' } },
        { id: 'e2', from: { node: 'send', port: 'sent' }, to: { node: 'pick' } },
      ],
    });
    const validated = await omni.call('POST', `/api/v1/flows/${created.body.id}/validate`);
    const problems = validated.body.errors.map(
      (e: { nodeId: string; code: string; path?: string[]; message: string }) => [
        e.nodeId,
        e.code,
        (e.path ?? []).join('.'),
      ],
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        ['mail', 'NODE_CONFIG_INVALID', 'address'],
        ['mail', 'NODE_CONFIG_INVALID', 'autoReplyPeriod'],
        ['send', 'NODE_CONFIG_INVALID', 'subject'],
        ['send', 'NODE_CONFIG_INVALID', 'body'],
        ['pick', 'NODE_CONFIG_INVALID', 'template'],
      ]),
    );
    const published = await omni.call('POST', `/api/v1/flows/${created.body.id}/publish`, {});
    expect(published.status).toBe(422);
  });
});

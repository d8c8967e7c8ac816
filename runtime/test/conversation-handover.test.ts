import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactChannels, messages, runs } from '@omniflow/db';
import { GateTarget } from './support/gate-target.ts';
import {
  eventually,
  publishFlow,
  runReaches,
  startTestOmniflow,
  type TestOmniflow,
} from './support/test-omniflow.ts';

interface Step {
  id: string;
  type: string;
  config: object;
  /** The port the line goes on by. */
  port: string;
  /** Other ports, wired to the end. */
  ends?: string[];
}

/** A message trigger, then `steps` in a line, then the end. */
const line = (name: string, trigger: object, steps: Step[]) => ({
  name,
  nodes: [
    { id: 'hi', type: 'message.inbound', config: trigger },
    ...steps.map(({ id, type, config }) => ({ id, type, config })),
    { id: 'end', type: 'flow.end', config: {} },
  ],
  edges: [
    ...['hi', ...steps.map((s) => s.id)].map((from, i) => ({
      id: `e${i}`,
      from: { node: from, port: i === 0 ? 'next' : steps[i - 1]!.port },
      to: { node: steps[i]?.id ?? 'end' },
    })),
    ...steps.flatMap((s) =>
      (s.ends ?? []).map((port) => ({
        id: `${s.id}-${port}`,
        from: { node: s.id, port },
        to: { node: 'end' },
      })),
    ),
  ],
});

const reply = (channel: string, text: string): Step => ({
  id: 'reply',
  type: 'message.send',
  config: { channel, text },
  port: 'sent',
  ends: ['failed'],
});

describe('a message that reaches a conversation run as it ends starts the next conversation', () => {
  let omni: TestOmniflow;
  let gate: GateTarget;

  beforeAll(async () => {
    gate = await new GateTarget().start();
    omni = await startTestOmniflow({ env: { OMNIFLOW_HTTP_ALLOW_PRIVATE: '1' } });
    // The gate holds the run at this step, which takes no message.
    const held: Step = {
      id: 'slow',
      type: 'http.request',
      config: { method: 'POST', url: `${gate.url}/slow` },
      port: 'success',
      ends: ['failed'],
    };
    // SMS: the plain bot, answered at once.
    await publishFlow(
      omni,
      line('Saludo SMS', { channel: 'sms' }, [reply('sms', 'Hola, ¿en qué te ayudo?')]),
    );
    // WhatsApp, by first word: a greeting held at the gate, an appointment bot, an order taker.
    await publishFlow(
      omni,
      line('Saludo', { channel: 'whatsapp', keyword: 'hola' }, [held, reply('whatsapp', '¡Hola!')]),
    );
    await publishFlow(
      omni,
      line('Citas', { channel: 'whatsapp', keyword: 'quiero' }, [reply('whatsapp', 'Te doy cita el lunes')]),
    );
    await publishFlow(
      omni,
      line('Pedidos', { channel: 'whatsapp', keyword: 'pedido' }, [
        held,
        {
          id: 'what',
          type: 'message.ask',
          config: { channel: 'whatsapp', question: '¿Qué quieres pedir?', expect: 'text', timeout: 'PT1H' },
          port: 'answered',
          ends: ['invalid', 'timeout', 'failed'],
        },
        reply('whatsapp', 'Apuntado: {{ nodes.what.output.answer }}'),
      ]),
    );
    await publishFlow(
      omni,
      line('Espera', { channel: 'whatsapp', keyword: 'espera' }, [
        {
          id: 'go',
          type: 'logic.wait-for-event',
          config: { event: 'go', timeout: 'PT1H' },
          port: 'received',
          ends: ['timeout'],
        },
      ]),
    );
  }, 120_000);
  afterAll(async () => {
    await omni?.close();
    await gate?.close();
  });

  const write = async (channel: string, from: string, text: string) => {
    const sent = await omni.call('POST', '/api/v1/sandbox/messages', { channel, from, text });
    expect(sent.status).toBe(200);
    return sent.body as { outcome: string; runId: string | null };
  };
  /** The person's runs, oldest first, once `count` of them have ended. */
  const endedRuns = (contact: string, count: number) =>
    eventually(async () => {
      const rows = await omni.handle.db.select().from(runs).where(eq(runs.contact, contact)).orderBy(runs.id);
      const ended = rows.filter((r) => r.status === 'completed' || r.status === 'failed');
      return rows.length === count && ended.length === count ? rows : undefined;
    }, 60_000);
  const sentTo = async (contact: string) =>
    (
      await omni.handle.db
        .select({ body: messages.body, runId: messages.runId, direction: messages.direction })
        .from(messages)
        .where(eq(messages.contactAddress, contact))
        .orderBy(messages.id)
    ).map((m) => ({ ...m, text: (m.body as { text?: string }).text }));

  it('answers two messages sent back to back with no wait, by two runs', async () => {
    for (const person of ['+34600200001', '+34600200002', '+34600200003']) {
      expect((await write('sms', person, 'hola')).outcome).toBe('started');
      // Straight away: the first run is still sending its reply, or ending, or gone.
      expect(['started', 'delivered']).toContain((await write('sms', person, 'quiero una cita')).outcome);
      const [first, second] = await endedRuns(person, 2);
      expect(first).toMatchObject({ status: 'completed', input: expect.objectContaining({ text: 'hola' }) });
      expect(second).toMatchObject({
        status: 'completed',
        input: expect.objectContaining({ text: 'quiero una cita' }),
      });
      expect(second!.temporalRunId).not.toBeNull();
      await eventually(async () => {
        const outbound = (await sentTo(person)).filter((m) => m.direction === 'outbound');
        return outbound.length === 2 ? outbound : undefined;
      });
      // Each message belongs to the run that answered it.
      const inbound = (await sentTo(person)).filter((m) => m.direction === 'inbound');
      expect(inbound.map((m) => [m.text, m.runId])).toEqual([
        ['hola', first!.id],
        ['quiero una cita', second!.id],
      ]);
    }
  });

  it('hands a message the run never took to the flow it starts, once the run ends', async () => {
    const person = '+34600200010';
    const first = await write('whatsapp', person, 'hola');
    expect(first.outcome).toBe('started');
    await eventually(async () => (gate.waiting > 0 ? true : undefined));
    // The run is at the HTTP step, which takes no message: the signal reaches it and is held.
    expect(await write('whatsapp', person, 'quiero una cita')).toEqual({
      outcome: 'delivered',
      runId: first.runId,
    });
    gate.release();
    const [greeting, appointment] = await endedRuns(person, 2);
    expect(greeting).toMatchObject({ id: first.runId, status: 'completed' });
    expect(appointment).toMatchObject({
      status: 'completed',
      input: expect.objectContaining({ text: 'quiero una cita' }),
      temporalWorkflowId: greeting!.temporalWorkflowId,
    });
    expect(appointment!.temporalRunId).not.toBeNull();
    expect(appointment!.temporalRunId).not.toBe(greeting!.temporalRunId);
    expect(appointment!.flowId).not.toBe(greeting!.flowId);
    const texts = await sentTo(person);
    expect(
      texts
        .filter((m) => m.direction === 'outbound')
        .map((m) => m.text)
        .sort(),
    ).toEqual(['Te doy cita el lunes', '¡Hola!']);
    expect(texts.find((m) => m.text === 'quiero una cita')?.runId).toBe(appointment!.id);
    // The first run's story does not include a message it never read; its history replays.
    const detail = await omni.call('GET', `/api/v1/runs/${first.runId}`);
    expect(detail.body.events).toEqual([]);
    for (const run of [greeting!, appointment!]) {
      const verified = await omni.call('POST', `/api/v1/runs/${run.id}/replay`, { mode: 'verify' });
      expect(verified.body).toMatchObject({ mode: 'verify', deterministic: true, error: null });
    }
    // The conversation's workflow is the second run now: a later message goes to it (or, ended, starts another).
    const later = await write('whatsapp', person, 'quiero otra');
    expect(['started', 'delivered']).toContain(later.outcome);
    expect(later.runId).not.toBe(first.runId);
  });

  it('lets a run that asks a question later take a message that came before it asked', async () => {
    const person = '+34600200020';
    const first = await write('whatsapp', person, 'pedido');
    expect(first.outcome).toBe('started');
    await eventually(async () => (gate.waiting > 0 ? true : undefined));
    expect(await write('whatsapp', person, 'dos cajas')).toEqual({
      outcome: 'delivered',
      runId: first.runId,
    });
    gate.release();
    const done = await runReaches(omni, first.runId!, ['completed', 'failed'], 60_000);
    expect(done.status).toBe('completed');
    expect(done.events.map((e: { type: string; data: { text: string } }) => [e.type, e.data.text])).toEqual([
      ['message', 'dos cajas'],
    ]);
    await eventually(async () => {
      const outbound = (await sentTo(person)).filter((m) => m.direction === 'outbound').map((m) => m.text);
      return outbound.length === 2 ? outbound : undefined;
    });
    expect((await sentTo(person)).filter((m) => m.direction === 'outbound').map((m) => m.text)).toEqual([
      '¿Qué quieres pedir?',
      'Apuntado: dos cajas',
    ]);
    expect(
      await omni.handle.db.select({ id: runs.id }).from(runs).where(eq(runs.contact, person)),
    ).toHaveLength(1);
  });

  it('starts nothing with a message no flow takes; it stays on the person’s timeline', async () => {
    const person = '+34600200030';
    const first = await write('whatsapp', person, 'hola');
    await eventually(async () => (gate.waiting > 0 ? true : undefined));
    expect(await write('whatsapp', person, 'gracias')).toEqual({ outcome: 'delivered', runId: first.runId });
    gate.release();
    await runReaches(omni, first.runId!, ['completed', 'failed'], 60_000);
    // The hand-over has looked for a flow and found none: the message is no longer the run's.
    await eventually(async () => {
      const gracias = (await sentTo(person)).find((m) => m.text === 'gracias');
      return gracias && gracias.runId === null ? true : undefined;
    });
    expect(
      await omni.handle.db.select({ id: runs.id }).from(runs).where(eq(runs.contact, person)),
    ).toHaveLength(1);
    const [channel] = await omni.handle.db
      .select({ contactId: contactChannels.contactId })
      .from(contactChannels)
      .where(and(eq(contactChannels.channel, 'whatsapp'), eq(contactChannels.address, person)));
    const timeline = await omni.call('GET', `/api/v1/contacts/${channel!.contactId}/timeline?limit=50`);
    expect(timeline.status).toBe(200);
    expect(timeline.body.items).toContainEqual(
      expect.objectContaining({
        kind: 'message',
        direction: 'inbound',
        detail: expect.objectContaining({ body: { text: 'gracias' } }),
      }),
    );
  });

  it('lets a message go that came while the run waited at rest for something else, as before', async () => {
    const person = '+34600200040';
    const first = await write('whatsapp', person, 'espera');
    await runReaches(omni, first.runId!, ['waiting']);
    // Waiting for an event, not a message (as a run that handed the person to an agent does):
    // what the person writes meanwhile is not the run's to answer, nor a new conversation.
    expect(await write('whatsapp', person, 'quiero una cita')).toEqual({
      outcome: 'delivered',
      runId: first.runId,
    });
    // The run has come to rest again after the message: a workflow task completed after it.
    const [row] = await omni.handle.db.select().from(runs).where(eq(runs.id, first.runId!));
    await eventually(async () => {
      const events =
        (await omni.temporal.workflow.getHandle(row!.temporalWorkflowId).fetchHistory()).events ?? [];
      const signalled = events.findLastIndex((e) => e.workflowExecutionSignaledEventAttributes);
      const rested = events.findLastIndex((e) => e.workflowTaskCompletedEventAttributes);
      return signalled > 0 && rested > signalled ? true : undefined;
    });
    expect((await omni.call('POST', `/api/v1/runs/${first.runId}/events`, { type: 'go' })).status).toBe(200);
    await runReaches(omni, first.runId!, ['completed']);
    const later = await omni.handle.db.select({ id: runs.id }).from(runs).where(eq(runs.contact, person));
    expect(later).toHaveLength(1);
    expect((await sentTo(person)).find((m) => m.text === 'quiero una cita')?.runId).toBe(first.runId);
  });
});

import { messageBody } from '../../api/message-body.ts';
import { describe, expect, it } from 'vitest';
import type { Message, RunEvent, RunStep } from '../../api/types.ts';
import { buildTimeline } from './build-timeline.ts';

const step = (
  seq: number,
  nodeId: string,
  enteredAt: string,
  leftAt: string | null,
  durationMs: number | null = null,
): RunStep => ({
  seq,
  nodeId,
  nodeType: 't',
  enteredAt,
  leftAt,
  durationMs,
  port: leftAt ? 'next' : null,
  attempts: 1,
  input: null,
  output: null,
  error: null,
});
const event = (seq: number, type: string, receivedAt: string): RunEvent => ({
  seq,
  type,
  data: {},
  receivedAt,
});
const at = (s: number) => new Date(Date.UTC(2025, 0, 1, 10, 0, s)).toISOString();

describe('buildTimeline', () => {
  it('measures each step from its times unless the server gave a duration, leaving the open one open', () => {
    const entries = buildTimeline(
      [step(1, 'start', at(0), at(0)), step(2, 'call', at(0), at(3), 2750), step(3, 'ask', at(3), null)],
      [],
    );
    expect(entries.map((e) => e.kind === 'step' && [e.step.nodeId, e.durationMs, e.open])).toEqual([
      ['start', 0, false],
      ['call', 2750, false],
      ['ask', null, true],
    ]);
    const ended = buildTimeline([step(1, 'call', at(1), at(4))], []);
    expect(ended[0]).toMatchObject({ durationMs: 3000 });
  });

  it('puts the events that reached the run between the steps, by time', () => {
    const entries = buildTimeline(
      [step(1, 'start', at(0), at(1)), step(2, 'ask', at(1), at(20)), step(4, 'reply', at(20), at(21))],
      [event(3, 'message', at(20)), event(9, 'dtmf', at(10))],
    );
    expect(
      entries.map((e) =>
        e.kind === 'step' ? e.step.nodeId : e.kind === 'event' ? `event:${e.event.type}` : e.kind,
      ),
    ).toEqual(['start', 'ask', 'event:dtmf', 'event:message', 'reply']);
  });

  it('does not reorder its inputs and keeps steps entered at one instant in sequence order', () => {
    const steps = [step(2, 'b', at(5), at(5)), step(1, 'a', at(5), at(5))];
    const entries = buildTimeline(steps, []);
    expect(entries.map((e) => e.kind === 'step' && e.step.seq)).toEqual([1, 2]);
    expect(steps.map((s) => s.seq)).toEqual([2, 1]);
  });

  it('shows a received message instead of the event it became, and a sent one after its step began', () => {
    const message = (
      id: string,
      direction: 'inbound' | 'outbound',
      text: string,
      createdAt: string,
    ): Message => ({
      id,
      channel: 'sms',
      direction,
      contactAddress: '+34600111222',
      ourAddress: '',
      runId: 'r',
      nodeId: direction === 'outbound' ? 'ask' : null,
      providerMessageId: null,
      body: { text },
      segments: 1,
      status: direction === 'outbound' ? 'sent' : 'received',
      statusHistory: [],
      errorCode: null,
      createdAt,
    });
    const entries = buildTimeline(
      [step(1, 'ask', at(1), at(20)), step(2, 'reply', at(20), null)],
      [
        { seq: 3, type: 'message', data: { from: '+34600111222', text: 'yes' }, receivedAt: at(20) },
        { seq: 4, type: 'message', data: { from: '+34600111222', text: 'again' }, receivedAt: at(25) },
      ],
      [message('m1', 'outbound', 'Sure?', at(1)), message('m2', 'inbound', 'yes', at(20))],
    );
    expect(
      entries.map((e) =>
        e.kind === 'step'
          ? e.step.nodeId
          : e.kind === 'event'
            ? `event:${String((e.event.data as { text: string }).text)}`
            : `${e.message.direction}:${messageBody(e.message).text}`,
      ),
    ).toEqual(['ask', 'outbound:Sure?', 'inbound:yes', 'reply', 'event:again']);
  });
});

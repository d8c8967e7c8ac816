import { readFileSync, readdirSync } from 'node:fs';
import { builtinNodes } from '@omniflow/nodes';
import { createNodeRegistry, defineNode, type AnyNodeDefinition } from '@omniflow/nodes/sdk';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { flowDocumentSchema, type FlowDocument } from '../src/graph/flow-schema.ts';
import { validateFlow } from '../src/graph/validate-flow.ts';
import { validationCodes, type ValidationIssue } from '../src/graph/validation-issue.ts';

const registry = createNodeRegistry(builtinNodes);

interface InvalidFixture {
  description: string;
  /** The codes validateFlow must report, as a multiset. */
  expect: string[];
  /** Each issue with the node or edge it must point at. */
  issues: { code: string; nodeId?: string; edgeId?: string }[];
  flow: unknown;
}

const invalidDir = new URL('./fixtures/invalid/', import.meta.url);
const fixtures = readdirSync(invalidDir)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map(
    (file) => [file, JSON.parse(readFileSync(new URL(file, invalidDir), 'utf8')) as InvalidFixture] as const,
  );

const goldenDir = new URL('./golden/', import.meta.url);
const goldenGraphs = readdirSync(goldenDir).filter((file) => file.endsWith('.graph.json'));

// Issues about the flow as a whole have no node or edge to point at.
const flowLevelCodes = new Set(['NO_TRIGGER', 'TRIGGER_NOT_FOUND', 'VARIABLE_DUPLICATE']);

const warningCodes = [
  'WHATSAPP_WINDOW_MAY_CLOSE',
  'TEMPLATE_RENDERS_OBJECT',
  'OUTCOME_PORT_UNWIRED',
  'TRIGGER_LEADS_NOWHERE',
  'HANGUP_LEADS_TO_CALL',
];
// Made outside validateFlow: by the builder before a save the server would refuse, and by publish.
const elsewhereCodes = [
  'FLOW_FIELD_TOO_LONG',
  'TRIGGER_CLAIMED',
  'VOICE_PROMPT_UNKNOWN',
  'SUBFLOW_NOT_PUBLISHED',
  'SUBFLOW_CYCLE',
  'SUBFLOW_INPUT_UNKNOWN',
  'SUBFLOW_INPUT_MISSING',
];

const sortedCodes = (issues: readonly { code: string }[]) => issues.map((i) => i.code).sort();
const targetKey = (i: { code: string; nodeId?: string | undefined; edgeId?: string | undefined }) =>
  `${i.code} node=${i.nodeId ?? '-'} edge=${i.edgeId ?? '-'}`;

function doc(
  nodes: unknown[],
  edges: [string, string, string][],
  extra: Record<string, unknown> = {},
): FlowDocument {
  return flowDocumentSchema.parse({
    name: 'generated',
    nodes,
    edges: edges.map(([from, port, to], i) => ({
      id: `e${i + 1}`,
      from: { node: from, port },
      to: { node: to },
    })),
    ...extra,
  });
}

describe('invalid flow fixtures', () => {
  it('cover every validation code', () => {
    // Warnings do not make a flow invalid; they have their own tests below.
    const covered = new Set([
      ...fixtures.flatMap(([, fixture]) => fixture.expect),
      ...warningCodes,
      ...elsewhereCodes,
    ]);
    expect([...validationCodes].filter((code) => !covered.has(code))).toEqual([]);
  });

  it.each(fixtures)('%s reports exactly its expected codes', (_file, fixture) => {
    const result = validateFlow(flowDocumentSchema.parse(fixture.flow), registry);
    expect(result.ok).toBe(false);
    expect(sortedCodes(result.errors)).toEqual([...fixture.expect].sort());
    expect(sortedCodes(fixture.issues), 'fixture "issues" and "expect" disagree').toEqual(
      [...fixture.expect].sort(),
    );
  });

  it.each(fixtures)('%s ties each issue to its node or edge, with a message', (_file, fixture) => {
    const { errors } = validateFlow(flowDocumentSchema.parse(fixture.flow), registry);
    expect(errors.map(targetKey).sort()).toEqual(fixture.issues.map(targetKey).sort());
    for (const issue of errors) {
      expect(issue.severity).toBe('error');
      expect(issue.message.length, `${issue.code} has no message`).toBeGreaterThan(10);
      if (!flowLevelCodes.has(issue.code)) {
        expect(issue.nodeId ?? issue.edgeId, `${issue.code} points at no node or edge`).toBeDefined();
      }
      if (issue.nodeId) expect(issue.message).toContain(issue.nodeId);
    }
  });

  it('reports every problem of a broken flow at once', () => {
    const [, fixture] = fixtures.find(([file]) => file === 'many-errors.json')!;
    const { errors } = validateFlow(flowDocumentSchema.parse(fixture.flow), registry);
    expect(new Set(errors.map((e) => e.code)).size).toBeGreaterThanOrEqual(10);
  });

  it('gives a code syntax error its line and column as numbers, the parser’s words only in the message', () => {
    const [, fixture] = fixtures.find(([file]) => file === 'code-syntax-error.json')!;
    const [issue] = validateFlow(flowDocumentSchema.parse(fixture.flow), registry).errors;
    expect(issue!.params).toMatchObject({ line: 2, column: 1 });
    expect(issue!.params).not.toHaveProperty('problem');
    expect(issue!.message).toBe(
      '"compute": line 2, column 1 of the code does not parse: Expression expected.',
    );
  });

  it('gives the config path of a config error', () => {
    const [, fixture] = fixtures.find(([file]) => file === 'node-config-invalid.json')!;
    const { errors } = validateFlow(flowDocumentSchema.parse(fixture.flow), registry);
    expect(errors.map((e) => e.path).sort()).toEqual([['method'], ['url']]);
    expect(errors.map((e) => e.message).join('\n')).toContain('Enter the URL to call');
  });
});

describe('valid flows', () => {
  it.each(goldenGraphs)('golden graph %s validates clean', (file) => {
    const graph = flowDocumentSchema.parse(JSON.parse(readFileSync(new URL(file, goldenDir), 'utf8')));
    const result = validateFlow(graph, registry);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('accepts a loop through a wait node', () => {
    const flow = doc(
      [
        { id: 'start', type: 'flow.start' },
        { id: 'count', type: 'logic.set', config: { assignments: [{ name: 'n', value: 1 }] } },
        { id: 'pause', type: 'logic.wait', config: { duration: 'PT1H' } },
      ],
      [
        ['start', 'next', 'count'],
        ['count', 'next', 'pause'],
        ['pause', 'next', 'count'],
      ],
    );
    expect(validateFlow(flow, registry).errors).toEqual([]);
  });

  it('accepts a retry loop through a wait-for-event, and still flags a busy loop beside it', () => {
    const nodes = [
      { id: 'start', type: 'flow.start' },
      {
        id: 'menu',
        type: 'logic.split',
        config: {
          branches: [
            { id: 'retry', conditions: [{ left: '{{ nodes.ask.output.digit }}', operator: 'is_empty' }] },
          ],
        },
      },
      { id: 'ask', type: 'logic.wait-for-event', config: { event: 'digit', timeout: 'PT10S' } },
      { id: 'end', type: 'flow.end' },
    ];
    const edges: [string, string, string][] = [
      ['start', 'next', 'ask'],
      ['ask', 'received', 'menu'],
      ['ask', 'timeout', 'end'],
      ['menu', 'retry', 'ask'],
      ['menu', 'else', 'end'],
    ];
    expect(validateFlow(doc(nodes, edges), registry).errors).toEqual([]);
    const busy = doc(
      [...nodes, { id: 'spin', type: 'logic.set', config: { assignments: [{ name: 'x', value: 1 }] } }],
      [
        ...edges.filter(([from, port]) => !(from === 'menu' && port === 'else')),
        ['menu', 'else', 'spin'],
        ['spin', 'next', 'menu'],
      ],
    );
    expect(validateFlow(busy, registry).errors.map((e) => [e.code, e.nodeId])).toEqual([
      ['LOOP_WITHOUT_WAIT', 'menu'],
    ]);
  });

  it('validates a generated 1,000-node graph quickly', () => {
    const count = 1000;
    const nodes: unknown[] = [{ id: 'start', type: 'flow.start' }];
    const edges: [string, string, string][] = [];
    let previous = 'start';
    for (let i = 1; i < count - 1; i++) {
      const id = `n${i}`;
      nodes.push(
        i % 10 === 0
          ? { id, type: 'logic.wait', config: { duration: 'PT1M' } }
          : {
              id,
              type: 'logic.set',
              config: { assignments: [{ name: `v${i}`, value: `{{ vars.v${i - 1} }}-${i}` }] },
            },
      );
      edges.push([previous, 'next', id]);
      previous = id;
    }
    nodes.push({ id: 'end', type: 'flow.end', config: { output: { last: `{{ vars.v${count - 3} }}` } } });
    edges.push([previous, 'next', 'end']);
    const flow = doc(nodes, edges);
    expect(flow.nodes).toHaveLength(count);
    const started = performance.now();
    const result = validateFlow(flow, registry);
    const elapsed = performance.now() - started;
    expect(result.errors).toEqual([]);
    expect(elapsed).toBeLessThan(2000);
  });

  it('finds the one busy loop in a generated 1,000-node cycle', () => {
    const count = 1000;
    const nodes: unknown[] = [{ id: 'start', type: 'flow.start' }];
    const edges: [string, string, string][] = [['start', 'next', 'n1']];
    for (let i = 1; i < count; i++) {
      nodes.push({ id: `n${i}`, type: 'logic.set', config: { assignments: [{ name: 'x', value: i }] } });
      edges.push([`n${i}`, 'next', i === count - 1 ? 'n1' : `n${i + 1}`]);
    }
    const errors: ValidationIssue[] = validateFlow(doc(nodes, edges), registry).errors;
    expect(errors.map((e) => [e.code, e.nodeId])).toEqual([['LOOP_WITHOUT_WAIT', 'n1']]);
  });
});

describe('WhatsApp customer-service window warning', () => {
  const inbound = (channel = 'whatsapp') => ({ id: 'in', type: 'message.inbound', config: { channel } });
  const send = (id: string, channel = 'whatsapp') => ({
    id,
    type: 'message.send',
    config: { channel, text: 'Hola' },
  });
  const wait = (id: string, duration: string) => ({ id, type: 'logic.wait', config: { duration } });
  const warned = (flow: FlowDocument) => {
    const result = validateFlow(flow, registry);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    return result.warnings.filter((w) => w.code === 'WHATSAPP_WINDOW_MAY_CLOSE').map((w) => w.nodeId);
  };

  it('says nothing when a flow answers the WhatsApp message that started it', () => {
    expect(warned(doc([inbound(), send('reply')], [['in', 'next', 'reply']]))).toEqual([]);
  });

  it('warns at free text after waits that add up to a day since the person wrote, not before', () => {
    const flow = doc(
      [inbound(), send('soon'), wait('w1', 'PT20H'), send('still'), wait('w2', 'PT4H'), send('late')],
      [
        ['in', 'next', 'soon'],
        ['soon', 'sent', 'w1'],
        ['w1', 'next', 'still'],
        ['still', 'sent', 'w2'],
        ['w2', 'next', 'late'],
      ],
    );
    const [warning] = validateFlow(flow, registry).warnings;
    expect(warned(flow)).toEqual(['late']);
    expect(warning).toMatchObject({ severity: 'warning', nodeId: 'late' });
    expect(warning!.message).toContain('template');
  });

  it('warns when the flow does not start on their WhatsApp message, but not for SMS or a template', () => {
    const flow = doc(
      [
        { id: 'start', type: 'flow.start' },
        send('wa'),
        send('sms', 'sms'),
        {
          id: 'tpl',
          type: 'message.template',
          config: { to: '{{ input.phone }}', name: 'hello', language: 'es' },
        },
      ],
      [
        ['start', 'next', 'wa'],
        ['wa', 'sent', 'sms'],
        ['sms', 'sent', 'tpl'],
      ],
    );
    expect(warned(flow)).toEqual(['wa']);
  });

  it('counts an answer to a question as the person writing again, and an unanswered one as time passing', () => {
    const ask = {
      id: 'ask',
      type: 'message.ask',
      config: { channel: 'whatsapp', question: '¿Seguimos?', expect: 'text', timeout: 'P2D' },
    };
    const flow = doc(
      [inbound(), ask, send('thanks'), send('nudge'), { id: 'end', type: 'flow.end' }],
      [
        ['in', 'next', 'ask'],
        ['ask', 'answered', 'thanks'],
        ['ask', 'invalid', 'end'],
        ['ask', 'timeout', 'nudge'],
      ],
    );
    expect(warned(flow)).toEqual(['nudge']);
  });
});

describe('channel rules read what a node declares, not its type', () => {
  const channel = z.enum(['whatsapp', 'sms', 'conversation']).default('whatsapp');
  const acme = (type: string, extra: Partial<AnyNodeDefinition>): AnyNodeDefinition =>
    defineNode({
      type,
      version: 1,
      title: { en: type, es: type },
      description: { en: type, es: type },
      category: 'messaging',
      icon: 'message',
      ports: ['next'],
      config: z.object({ channel, timeout: z.string().default('P2D') }),
      compile: (_node, ctx) => ({ always: { target: ctx.target('next') } }),
      ...extra,
    });
  const custom = createNodeRegistry([
    ...builtinNodes,
    acme('acme.chat-started', { trigger: true, startsConversation: () => ['whatsapp'] }),
    acme('acme.form-started', { trigger: true }),
    acme('acme.poll', { waits: true, ports: ['voted', 'timeout'], repliedPorts: ['voted'] }),
    acme('acme.say', { sendsFreeText: true }),
  ]);
  const node = (id: string, type: string, config: Record<string, unknown> = {}) => ({ id, type, config });

  it('warns at free text on WhatsApp only past the window, which a replied port opens again', () => {
    const flow = doc(
      [
        node('in', 'acme.chat-started'),
        node('poll', 'acme.poll'),
        node('thanks', 'acme.say'),
        node('nudge', 'acme.say'),
      ],
      [
        ['in', 'next', 'poll'],
        ['poll', 'voted', 'thanks'],
        ['poll', 'timeout', 'nudge'],
      ],
    );
    const result = validateFlow(flow, custom);
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => [w.code, w.nodeId])).toEqual([['WHATSAPP_WINDOW_MAY_CLOSE', 'nudge']]);
  });

  it('lets nodes answer on the conversation’s channel only after a trigger that starts a conversation', () => {
    const answer = node('answer', 'acme.say', { channel: 'conversation' });
    const chat = validateFlow(
      doc([node('in', 'acme.chat-started'), answer], [['in', 'next', 'answer']]),
      custom,
    );
    expect(chat.errors).toEqual([]);
    const form = validateFlow(
      doc([node('in', 'acme.form-started'), answer], [['in', 'next', 'answer']]),
      custom,
    );
    expect(form.errors.map((e) => [e.code, e.nodeId])).toEqual([
      ['CONVERSATION_CHANNEL_WITHOUT_MESSAGE', 'answer'],
    ]);
  });
});

describe('email replies', () => {
  const reply = { id: 'answer', type: 'email.reply', config: { body: 'Gracias' } };
  const errorsOf = (nodes: unknown[], edges: [string, string, string][]) =>
    validateFlow(doc(nodes, edges), registry).errors.map((e) => [e.code, e.nodeId]);

  it('answers a mail in a flow started by one, or in one that asks by email', () => {
    expect(
      errorsOf([{ id: 'in', type: 'email.inbound', config: {} }, reply], [['in', 'next', 'answer']]),
    ).toEqual([]);
    const ask = {
      id: 'ask',
      type: 'message.ask',
      config: { channel: 'email', to: '{{ input.email }}', question: '¿Vienes?', timeout: 'P1D' },
    };
    expect(
      errorsOf(
        [{ id: 'start', type: 'flow.start', config: {} }, ask, reply],
        [
          ['start', 'next', 'ask'],
          ['ask', 'answered', 'answer'],
          ['ask', 'timeout', 'answer'],
        ],
      ).filter(([code]) => code === 'EMAIL_REPLY_WITHOUT_MAIL'),
    ).toEqual([]);
  });
});

describe('what a designer forgets', () => {
  const call = { id: 'call', type: 'voice.inbound-call', config: { numbers: ['+34910000000'] } };
  const menu = {
    id: 'menu',
    type: 'voice.menu',
    label: 'Main menu',
    config: { prompt: 'Press 1', options: [{ digit: '1', id: 'sales' }] },
  };
  const say = (id: string) => ({ id, type: 'voice.say', config: { text: 'Hola' } });
  const warnings = (flow: FlowDocument, code: string) =>
    validateFlow(flow, registry).warnings.filter((w) => w.code === code);

  it('warns about each unwired timeout and invalid port of a menu whose option is wired, with the voice fix', () => {
    const flow = doc(
      [call, menu, say('sales')],
      [
        ['call', 'next', 'menu'],
        ['menu', 'sales', 'sales'],
      ],
    );
    const found = warnings(flow, 'OUTCOME_PORT_UNWIRED');
    expect(found.map((w) => w.params?.portId).sort()).toEqual(['invalid', 'timeout']);
    expect(found[0]).toMatchObject({
      severity: 'warning',
      nodeId: 'menu',
      params: { node: 'Main menu', nodeEs: 'Main menu', fix: 'hangup' },
    });
    expect(validateFlow(flow, registry).ok).toBe(true);
  });

  it('names an unlabelled node by its title in both languages and offers "end" in a chat flow', () => {
    const flow = doc(
      [
        { id: 'in', type: 'message.inbound', config: { channel: 'sms' } },
        { id: 'send', type: 'message.send', config: { channel: 'conversation', text: 'Hola' } },
        { id: 'end', type: 'flow.end' },
      ],
      [
        ['in', 'next', 'send'],
        ['send', 'sent', 'end'],
      ],
    );
    expect(warnings(flow, 'OUTCOME_PORT_UNWIRED')).toEqual([
      expect.objectContaining({
        nodeId: 'send',
        params: expect.objectContaining({
          node: 'Send message',
          nodeEs: 'Enviar mensaje',
          portId: 'failed',
          fix: 'end',
        }) as unknown,
      }),
    ]);
  });

  it('says nothing once every outcome is wired, nor for a last step with no port wired at all', () => {
    const wired = doc(
      [call, menu, say('sales'), say('again'), { id: 'bye', type: 'voice.hangup' }],
      [
        ['call', 'next', 'menu'],
        ['menu', 'sales', 'sales'],
        ['menu', 'timeout', 'again'],
        ['menu', 'invalid', 'bye'],
      ],
    );
    expect(warnings(wired, 'OUTCOME_PORT_UNWIRED')).toEqual([]);
    const last = doc([call, menu], [['call', 'next', 'menu']]);
    expect(warnings(last, 'OUTCOME_PORT_UNWIRED')).toEqual([]);
  });

  it('leaves a required port to its error, not a second warning', () => {
    const flow = doc(
      [
        { id: 'in', type: 'message.inbound' },
        { id: 'ask', type: 'message.ask', config: { channel: 'conversation', question: '¿Nombre?' } },
        { id: 'end', type: 'flow.end' },
      ],
      [
        ['in', 'next', 'ask'],
        ['ask', 'answered', 'end'],
      ],
    );
    const result = validateFlow(flow, registry);
    expect(result.errors.map((e) => e.code)).toContain('REQUIRED_PORT_UNWIRED');
    expect(
      result.warnings
        .filter((w) => w.code === 'OUTCOME_PORT_UNWIRED')
        .map((w) => w.params?.portId)
        .sort(),
    ).toEqual(['failed', 'invalid']);
  });

  it('warns when the start node leads nowhere, and not once it does', () => {
    expect(warnings(doc([call, say('hi')], []), 'TRIGGER_LEADS_NOWHERE')).toEqual([
      expect.objectContaining({
        nodeId: 'call',
        params: { node: 'Incoming call', nodeEs: 'Llamada entrante' },
      }),
    ]);
    expect(warnings(doc([call, say('hi')], [['call', 'next', 'hi']]), 'TRIGGER_LEADS_NOWHERE')).toEqual([]);
  });

  it('warns when a hang-up leads on to a node that needs the call, but not to one that does not', () => {
    const hangup = { id: 'bye', type: 'voice.hangup', label: 'Goodbye' };
    const toSay = doc(
      [call, hangup, say('late')],
      [
        ['call', 'next', 'bye'],
        ['bye', 'next', 'late'],
      ],
    );
    expect(warnings(toSay, 'HANGUP_LEADS_TO_CALL')).toEqual([
      expect.objectContaining({
        nodeId: 'bye',
        edgeId: 'e2',
        params: expect.objectContaining({ node: 'Goodbye', target: 'Say' }) as unknown,
      }),
    ]);
    const toSms = doc(
      [
        call,
        hangup,
        { id: 'sms', type: 'message.send', config: { channel: 'sms', to: '+34600000000', text: 'Gracias' } },
      ],
      [
        ['call', 'next', 'bye'],
        ['bye', 'next', 'sms'],
      ],
    );
    expect(warnings(toSms, 'HANGUP_LEADS_TO_CALL')).toEqual([]);
  });
});

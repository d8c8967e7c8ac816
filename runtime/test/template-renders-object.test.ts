import { builtinNodes } from '@omniflow/nodes';
import { createNodeRegistry } from '@omniflow/nodes/sdk';
import { describe, expect, it } from 'vitest';
import { flowDocumentSchema } from '../src/graph/flow-schema.ts';
import { validateFlow } from '../src/graph/validate-flow.ts';

const registry = createNodeRegistry(builtinNodes);

/** A WhatsApp bot: message in, "Ask name", then a reply whose text is `text`. */
function bot(text: string, extra: { variables?: unknown[]; replyConfig?: Record<string, unknown> } = {}) {
  return flowDocumentSchema.parse({
    name: 'bot',
    nodes: [
      { id: 'in', type: 'message.inbound', config: { channel: 'whatsapp' } },
      {
        id: 'ask1',
        type: 'message.ask',
        label: 'Pregunta nombre',
        config: { channel: 'whatsapp', question: '¿Cómo te llamas?' },
      },
      { id: 'reply', type: 'message.send', config: { channel: 'whatsapp', text, ...extra.replyConfig } },
      { id: 'fetch', type: 'http.request', config: { url: 'https://example.com', body: text } },
      { id: 'end', type: 'flow.end' },
    ],
    edges: [
      { id: 'e1', from: { node: 'in', port: 'next' }, to: { node: 'ask1' } },
      { id: 'e2', from: { node: 'ask1', port: 'answered' }, to: { node: 'reply' } },
      { id: 'e3', from: { node: 'ask1', port: 'timeout' }, to: { node: 'end' } },
      { id: 'e4', from: { node: 'reply', port: 'sent' }, to: { node: 'fetch' } },
      { id: 'e5', from: { node: 'fetch', port: 'success' }, to: { node: 'end' } },
    ],
    variables: extra.variables ?? [],
  });
}

const objectWarnings = (text: string, extra?: Parameters<typeof bot>[1]) =>
  validateFlow(bot(text, extra), registry).warnings.filter((w) => w.code === 'TEMPLATE_RENDERS_OBJECT');

describe('TEMPLATE_RENDERS_OBJECT', () => {
  it('warns when a message writes a question’s whole output, naming both by title', () => {
    const warnings = objectWarnings('Hola {{ nodes.ask1.output }}');
    expect(warnings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        nodeId: 'reply',
        path: ['text'],
        params: { node: 'Send message', source: 'Pregunta nombre' },
      }),
    ]);
    // `"<id>": <path>: ` first, as config errors, so the inspector shows the rest at the field.
    expect(warnings[0]!.message).toMatch(
      /^Send message "reply": text: \{\{ nodes\.ask1\.output \}\} is a group/,
    );
  });

  it('is quiet for a field of the output, a filter, and a JSON body that keeps the object', () => {
    expect(objectWarnings('Hola {{ nodes.ask1.output.answer }}')).toEqual([]);
    expect(objectWarnings('{{ nodes.ask1.output | json }}')).toEqual([]);
    // The http body is JSON, not text: `{{ nodes.ask1.output }}` there sends the object itself.
    const warnings = objectWarnings('{{ nodes.ask1.output }}');
    expect(warnings.map((w) => w.nodeId)).toEqual(['reply']);
  });

  it('warns for the whole trigger input, a whole node, an object variable, but not a text variable', () => {
    expect(objectWarnings('{{ input }}').map((w) => w.params?.source)).toEqual(['Message received']);
    expect(objectWarnings('{{ input.text }}')).toEqual([]);
    expect(objectWarnings('{{ nodes.ask1 }}')).toHaveLength(1);
    const variables = [
      { name: 'order', type: 'object' },
      { name: 'name', type: 'string' },
    ];
    expect(
      objectWarnings('{{ vars.order }} {{ vars.name }}', { variables }).map((w) => w.params?.source),
    ).toEqual(['order']);
  });

  it('ignores references to nodes that do not exist and nodes without a known output', () => {
    expect(objectWarnings('{{ nodes.ghost.output }} {{ nodes.end.output }} {{ forloop }}')).toEqual([]);
  });

  it('does not make the flow invalid', () => {
    const result = validateFlow(bot('Hola {{ nodes.ask1.output }}'), registry);
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
  });
});

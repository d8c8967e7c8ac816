import catalogJson from '@omniflow/nodes/catalog.json';
import type { NodeCategory } from '@omniflow/nodes/sdk';
import { describe, expect, it } from 'vitest';
import type { CatalogEntry, FlowDocument, FlowNodeDoc } from '../../api/types.ts';
import { templateVariables, upstreamOf, type TemplateVariable } from './template-variables.ts';

const categories: readonly string[] = ['flow', 'logic', 'http', 'messaging', 'voice', 'email', 'data', 'ai'];
const isCategory = (value: string): value is NodeCategory => categories.includes(value);
const catalog: CatalogEntry[] = catalogJson.map((entry) => {
  if (!isCategory(entry.category)) throw new Error(entry.category);
  return { ...entry, category: entry.category };
});

const node = (
  id: string,
  type: string,
  config: Record<string, unknown> = {},
  label?: string,
): FlowNodeDoc => ({
  id,
  type,
  version: 1,
  config,
  position: { x: 0, y: 0 },
  ...(label ? { label } : {}),
});
const edge = (id: string, from: string, port: string, to: string) => ({
  id,
  from: { node: from, port },
  to: { node: to },
});

// A WhatsApp bot: message in → "Pregunta nombre" → reply; a side branch on timeout; a loop back.
const bot: FlowDocument = {
  schemaVersion: 1,
  name: 'Bot',
  description: '',
  nodes: [
    node('in', 'message.inbound', { channel: 'whatsapp' }, 'Mensaje recibido'),
    node('ask1', 'message.ask', { question: '¿Cómo te llamas?', saveAs: 'nombre' }, 'Pregunta nombre'),
    node('set', 'logic.set', { assignments: [{ name: 'saludo', value: 'hola' }, { name: 'bad name' }, {}] }),
    node('reply', 'message.send', { text: '' }),
    node('late', 'message.send', { text: '' }, 'Aviso tarde'),
    node('other', 'logic.set', { assignments: [{ name: 'nunca', value: 1 }] }),
    node('old', 'http.request', {}),
  ],
  edges: [
    edge('e1', 'in', 'next', 'ask1'),
    edge('e2', 'ask1', 'answered', 'set'),
    edge('e3', 'set', 'next', 'reply'),
    edge('e4', 'ask1', 'timeout', 'late'),
    edge('e5', 'reply', 'sent', 'ask1'),
  ],
  variables: [{ name: 'pais', type: 'string', default: 'ES' }],
};

const paths = (variables: readonly TemplateVariable[]) => variables.map((v) => v.path);
const byPath = (variables: readonly TemplateVariable[], path: string) =>
  variables.find((v) => v.path === path);

describe('upstreamOf', () => {
  it('walks the edges backwards, nearest first, through loops, without the node itself', () => {
    expect(upstreamOf(bot, 'reply')).toEqual(['set', 'ask1', 'in']);
    expect(upstreamOf(bot, 'late')).toEqual(['ask1', 'in', 'reply', 'set']);
    expect(upstreamOf(bot, 'in')).toEqual([]);
    expect(upstreamOf(bot, 'other')).toEqual([]);
    expect(upstreamOf(bot, 'missing')).toEqual([]);
  });
});

describe('templateVariables', () => {
  it('offers the trigger’s fields, the variables and each earlier node’s fields by name', () => {
    const variables = templateVariables(bot, 'reply', catalog);
    expect(paths(variables)).toEqual([
      'input.channel',
      'input.from',
      'input.to',
      'input.text',
      'input.choiceId',
      'vars.nombre',
      'vars.pais',
      'vars.saludo',
      'nodes.set.output',
      'nodes.ask1.output.answer',
      'nodes.ask1.output.text',
      'nodes.ask1.output.choiceId',
      'nodes.ask1.output.retries',
      'run.id',
      'run.startedAt',
    ]);
    expect(byPath(variables, 'nodes.ask1.output.answer')).toEqual({
      path: 'nodes.ask1.output.answer',
      group: 'nodes',
      label: { en: 'Answer of «Pregunta nombre»', es: 'Respuesta de «Pregunta nombre»' },
      example: 'Ana',
    });
    expect(byPath(variables, 'input.text')?.label.es).toBe('Texto del mensaje de «Mensaje recibido»');
  });

  it('never offers a whole question output, the bug that sent "[object Object]"', () => {
    const variables = templateVariables(bot, 'reply', catalog);
    expect(paths(variables)).not.toContain('nodes.ask1.output');
    // A node that does not say what it keeps is offered whole, and marked so.
    expect(byPath(variables, 'nodes.set.output')).toMatchObject({
      whole: true,
      label: { es: 'Todo lo que guarda «Asignar variables»' },
    });
  });

  it('offers only nodes and saved variables on a path to the node', () => {
    const first = templateVariables(bot, 'ask1', catalog);
    // Through the loop reply → ask1, the reply and the set come before ask1 again.
    expect(paths(first).filter((p) => p.startsWith('nodes.'))).toEqual([
      'nodes.reply.output.messageId',
      'nodes.reply.output.providerMessageId',
      'nodes.reply.output.segments',
      'nodes.set.output',
    ]);
    const late = templateVariables(bot, 'late', catalog);
    expect(paths(late)).not.toContain('vars.nunca');
    expect(paths(templateVariables(bot, 'other', catalog))).toEqual([
      'input.channel',
      'input.from',
      'input.to',
      'input.text',
      'input.choiceId',
      'vars.pais',
      'run.id',
      'run.startedAt',
    ]);
  });

  it('names a saved answer as a variable, with the answer’s example', () => {
    const saved = byPath(templateVariables(bot, 'reply', catalog), 'vars.nombre');
    expect(saved).toEqual({
      path: 'vars.nombre',
      group: 'vars',
      label: { en: 'Variable «nombre»', es: 'Variable «nombre»' },
      example: 'Ana',
    });
    expect(byPath(templateVariables(bot, 'reply', catalog), 'vars.pais')?.example).toBe('"ES"');
  });

  it('offers the whole input when the trigger does not say what it holds, and nothing of unknown versions', () => {
    const doc: FlowDocument = {
      ...bot,
      variables: [],
      nodes: [node('a', 'flow.start'), { ...node('old', 'http.request'), version: 9 }, node('b', 'flow.end')],
      edges: [edge('e1', 'a', 'next', 'old'), edge('e2', 'old', 'success', 'b')],
    };
    const variables = templateVariables(doc, 'b', catalog);
    expect(paths(variables)).toEqual(['input', 'nodes.old.output', 'run.id', 'run.startedAt']);
    expect(byPath(variables, 'input')).toMatchObject({ whole: true });
    expect(byPath(variables, 'nodes.old.output')?.label.en).toBe('Everything «http.request» keeps');
  });

  it('goes one level into nested fields (a mail’s subject) and marks groups of values', () => {
    const doc: FlowDocument = {
      ...bot,
      variables: [],
      nodes: [node('mail', 'email.inbound', {}), node('fetch', 'http.request', {}), node('b', 'flow.end')],
      edges: [edge('e1', 'mail', 'next', 'fetch'), edge('e2', 'fetch', 'success', 'b')],
    };
    const variables = templateVariables(doc, 'b', catalog);
    expect(paths(variables)).toContain('input.email.subject');
    expect(byPath(variables, 'input.email')?.whole).toBe(true);
    expect(byPath(variables, 'nodes.fetch.output.headers')?.whole).toBe(true);
    expect(byPath(variables, 'nodes.fetch.output.status')).toMatchObject({ example: '200' });
  });
});

import { readFileSync, readdirSync } from 'node:fs';
import { builtinNodes } from '@omniflow/nodes';
import { createNodeRegistry } from '@omniflow/nodes/sdk';
import { describe, expect, it } from 'vitest';
import { problemMessages } from '../../builder/src/features/editor/problem-messages.ts';
import { flowDocumentSchema } from '../src/graph/flow-schema.ts';
import { validateFlow } from '../src/graph/validate-flow.ts';
import type { ValidationIssue } from '../src/graph/validation-issue.ts';

// The builder says each problem in its own sentence (problem.<CODE>[.<reason>]) filled from the
// issue's params: every issue validateFlow produces must carry every value its sentence names,
// in both languages, and name nodes the way the designer sees them — never by id.
const registry = createNodeRegistry(builtinNodes);
const sentences: Record<'en' | 'es', Record<string, string>> = problemMessages;

function sentenceFor(issue: ValidationIssue, locale: 'en' | 'es'): string | undefined {
  const reason = issue.params?.reason;
  return (
    (reason !== undefined ? sentences[locale][`problem.${issue.code}.${reason}`] : undefined) ??
    sentences[locale][`problem.${issue.code}`]
  );
}

// As the builder's translate() does: `{node}` takes `nodeEs` in Spanish.
function fill(sentence: string, params: Record<string, string | number> = {}, locale: 'en' | 'es' = 'es') {
  return sentence.replace(/\{(\w+)\}/g, (whole, name: string) =>
    String((locale === 'es' ? params[`${name}Es`] : undefined) ?? params[name] ?? whole),
  );
}

const invalidDir = new URL('./fixtures/invalid/', import.meta.url);
const fixtureIssues = readdirSync(invalidDir)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .flatMap((file) => {
    const { flow } = JSON.parse(readFileSync(new URL(file, invalidDir), 'utf8')) as { flow: unknown };
    const result = validateFlow(flowDocumentSchema.parse(flow), registry);
    return [...result.errors, ...result.warnings].map((issue) => [file, issue.code, issue] as const);
  });

describe('problem params', () => {
  it.each(fixtureIssues)('%s: %s has a sentence in en and es with every value it names', (_f, _c, issue) => {
    for (const locale of ['en', 'es'] as const) {
      const sentence = sentenceFor(issue, locale);
      expect(sentence, `problem.${issue.code} (${locale})`).toBeDefined();
      const text = fill(sentence!, issue.params, locale);
      expect(text, `${locale}: ${text}`).not.toMatch(/\{\w+\}/);
    }
  });

  it('names a menu option field by its label, the node by its label, and says what is wrong', () => {
    const doc = flowDocumentSchema.parse({
      name: 'IVR',
      nodes: [
        { id: 'start', type: 'voice.inbound-call', config: {} },
        {
          id: 'menu1',
          type: 'voice.menu',
          label: 'Menú principal',
          config: { prompt: 'Pulsa 1', options: [{ digit: '1', label: 'Ventas' }], language: 'fr' },
        },
      ],
      edges: [{ id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'menu1' } }],
    });
    const issues = validateFlow(doc, registry).errors.filter((i) => i.code === 'NODE_CONFIG_INVALID');
    const missingId = issues.find((i) => i.path?.join('.') === 'options.0.id');
    expect(missingId?.params).toMatchObject({
      node: 'Menú principal',
      nodeEs: 'Menú principal',
      reason: 'required',
      field: 'Options #1 › Port id',
      fieldEs: 'Opciones n.º 1 › Id del puerto',
    });
    expect(fill(sentenceFor(missingId!, 'es')!, missingId!.params)).toBe(
      '«Menú principal»: rellena «Opciones n.º 1 › Id del puerto»',
    );
    const language = issues.find((i) => i.path?.join('.') === 'language');
    expect(language?.params).toMatchObject({ reason: 'not_option', fieldEs: 'Idioma' });
    expect(String(language?.params?.optionsEs)).toMatch(/Español/);
    // The API and the CLI keep zod's English text.
    expect(missingId?.message).toMatch(/options\.0\.id/);
  });

  it('asks a say with neither text nor recorded audio for one of them, naming both fields in en and es', () => {
    const doc = flowDocumentSchema.parse({
      name: 'IVR',
      nodes: [
        { id: 'start', type: 'voice.inbound-call', config: {} },
        { id: 'say1', type: 'voice.say', label: 'Saludo', config: { text: '' } },
        {
          id: 'say2',
          type: 'voice.say',
          config: { recordedPrompt: 'prompt:0b6f1c52-5c1e-4c39-9a55-3f0c2a8f6e11' },
        },
      ],
      edges: [
        { id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'say1' } },
        { id: 'e2', from: { node: 'say1', port: 'next' }, to: { node: 'say2' } },
      ],
    });
    const issues = validateFlow(doc, registry).errors.filter(
      (i) => i.code === 'NODE_CONFIG_INVALID' && i.nodeId?.startsWith('say'),
    );
    // The recording alone is enough: only the step with neither is flagged, on its text.
    expect(issues.map((i) => [i.nodeId, i.path])).toEqual([['say1', ['text']]]);
    const issue = issues[0]!;
    expect(issue.params).toMatchObject({
      reason: 'either',
      field: 'Text',
      fieldEs: 'Texto',
      other: 'Recorded audio (played instead of reading the text)',
      otherEs: 'Audio grabado (se reproduce en lugar de leer el texto)',
    });
    expect(fill(sentenceFor(issue, 'en')!, issue.params, 'en')).toBe(
      '“Saludo”: fill in “Text”, or choose “Recorded audio (played instead of reading the text)”',
    );
    expect(fill(sentenceFor(issue, 'es')!, issue.params, 'es')).toBe(
      '«Saludo»: rellena «Texto» o elige «Audio grabado (se reproduce en lugar de leer el texto)»',
    );
  });

  it('says the limit of a text that is too long, and names an unlabelled node by its title', () => {
    const doc = flowDocumentSchema.parse({
      name: 'Bot',
      nodes: [
        { id: 'start', type: 'voice.inbound-call', config: {} },
        { id: 'queue1', type: 'voice.enqueue', config: { queue: 'x'.repeat(101) } },
      ],
      edges: [{ id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'queue1' } }],
    });
    const issue = validateFlow(doc, registry).errors.find(
      (i) => i.code === 'NODE_CONFIG_INVALID' && i.nodeId === 'queue1',
    );
    expect(issue?.params).toMatchObject({
      reason: 'too_long',
      limit: 100,
      fieldEs: 'Nombre de la cola',
      nodeEs: 'Cola de agentes',
    });
    const text = fill(sentenceFor(issue!, 'es')!, issue!.params);
    expect(text).toContain('como máximo 100 caracteres');
    expect(text).not.toContain('queue1');
  });

  it('names the nodes of a busy loop in the order they run, by title', () => {
    const doc = flowDocumentSchema.parse({
      name: 'Loop',
      nodes: [
        { id: 'start', type: 'flow.start', config: {} },
        { id: 'a', type: 'logic.set', label: 'Uno', config: { assignments: [{ name: 'x', value: 1 }] } },
        { id: 'b', type: 'logic.set', label: 'Dos', config: { assignments: [{ name: 'x', value: 1 }] } },
      ],
      edges: [
        { id: 'e1', from: { node: 'start', port: 'next' }, to: { node: 'a' } },
        { id: 'e2', from: { node: 'a', port: 'next' }, to: { node: 'b' } },
        { id: 'e3', from: { node: 'b', port: 'next' }, to: { node: 'a' } },
      ],
    });
    const issue = validateFlow(doc, registry).errors.find((i) => i.code === 'LOOP_WITHOUT_WAIT');
    expect(String(issue?.params?.nodesEs)).toMatch(/^(Uno → Dos|Dos → Uno)$/);
    expect(issue?.message).toMatch(/form a loop/);
  });
});

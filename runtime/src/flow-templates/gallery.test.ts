import { readFileSync } from 'node:fs';
import { builtinNodes } from '@omniflow/nodes';
import { createNodeRegistry } from '@omniflow/nodes/sdk';
import { describe, expect, it } from 'vitest';
import { flowDocumentSchema } from '../graph/flow-schema.ts';
import { validateFlow } from '../graph/validate-flow.ts';
import { galleryPreviews } from './gallery-previews.ts';
import { galleryLanguages, galleryTemplateIds, galleryTemplates } from './gallery.ts';
import { localizeFlow } from './localize-flow.ts';

const registry = createNodeRegistry(builtinNodes);
const entries = galleryTemplates().flatMap((template) =>
  galleryLanguages.map((lang) => [template.id, lang, template.flows[lang]] as const),
);

describe('the templates gallery', () => {
  it('has the five templates the issue asks for, each titled and described in both languages', () => {
    expect(galleryTemplates().map((t) => t.id)).toEqual([...galleryTemplateIds]);
    for (const template of galleryTemplates())
      for (const lang of galleryLanguages) {
        expect(template.title[lang]).not.toBe('');
        expect(template.summary[lang]).not.toBe('');
        expect(template.flows[lang].name).not.toBe('');
      }
  });

  it.each(entries)(
    '%s in %s is a flow the validator accepts with no error or warning',
    (_id, _lang, flow) => {
      const result = validateFlow(flowDocumentSchema.parse(flow), registry);
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([]);
    },
  );

  it('gives the IVR help desk Spanish prompts in es and English ones in en, wired the same', () => {
    const ivr = galleryTemplates().find((t) => t.id === 'ivr-help-desk')!;
    const menu = (lang: 'es' | 'en') => ivr.flows[lang].nodes.find((n) => n.id === 'menu')!.config;
    expect(menu('es')).toMatchObject({ prompt: 'Pulse 1 para ventas, 2 para soporte', language: 'es' });
    expect(menu('en')).toMatchObject({ prompt: 'Press 1 for sales, 2 for support', language: 'en' });
    expect(menu('en').options).toEqual([
      { digit: '1', id: 'sales', label: 'Sales' },
      { digit: '2', id: 'support', label: 'Support' },
    ]);
    expect(ivr.flows.en.edges).toEqual(ivr.flows.es.edges);
    // The draft speaks its language (the editor's "Habla"), never "not chosen".
    for (const template of galleryTemplates())
      expect([template.flows.es.language, template.flows.en.language]).toEqual(['es', 'en']);
  });

  it('keeps the committed pictures in step with the flows (run npm run gallery-previews)', () => {
    for (const [id, svg] of galleryPreviews()) {
      expect(svg).toMatch(/^<svg /);
      expect(readFileSync(new URL(`../../../examples/gallery/${id}.svg`, import.meta.url), 'utf8')).toBe(svg);
    }
  });
});

describe('localizeFlow', () => {
  const base = flowDocumentSchema.parse({
    name: 'Base',
    nodes: [
      {
        id: 'menu',
        type: 'voice.menu',
        config: {
          prompt: 'Hola',
          options: [
            { digit: '1', id: 'a', label: 'Uno' },
            { digit: '2', id: 'b' },
          ],
        },
      },
    ],
    edges: [],
  });

  it('changes words only: a longer translated list adds no option and a missing node is ignored', () => {
    const localized = localizeFlow(base, {
      name: 'Translated',
      nodes: {
        menu: {
          label: 'Menu',
          config: { prompt: 'Hello', options: [{ label: 'One' }, {}, { label: 'Extra' }] },
        },
        ghost: { label: 'Nobody' },
      },
    });
    expect(localized.name).toBe('Translated');
    expect(localized.nodes).toHaveLength(1);
    expect(localized.nodes[0]).toMatchObject({
      label: 'Menu',
      config: {
        prompt: 'Hello',
        options: [
          { digit: '1', id: 'a', label: 'One' },
          { digit: '2', id: 'b' },
        ],
      },
    });
    expect(base.nodes[0]!.config.prompt).toBe('Hola');
  });
});

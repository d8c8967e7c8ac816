import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { flowDocumentSchema, type FlowDocument } from '../graph/flow-schema.ts';
import { localizeFlow } from './localize-flow.ts';

export const galleryLanguages = ['es', 'en'] as const;
export type GalleryLanguage = (typeof galleryLanguages)[number];

/** The order the gallery shows them in: the most asked-for first. */
export const galleryTemplateIds = [
  'ivr-help-desk',
  'appointment-bot',
  'faq-bot',
  'email-auto-reply',
  'sms-reminder',
] as const;

const text = z.object({ es: z.string().min(1), en: z.string().min(1) });
const words = z.object({
  name: z.string().min(1).optional(),
  description: z.string().optional(),
  nodes: z
    .record(
      z.string(),
      z.object({ label: z.string().optional(), config: z.record(z.string(), z.unknown()).optional() }),
    )
    .optional(),
});
const manifestSchema = z.object({
  flow: z.string().regex(/^[a-z0-9-]+\.json$/),
  channel: z.enum(['voice', 'whatsapp', 'chat', 'email', 'sms']),
  title: text,
  summary: text,
  es: words,
  en: words,
});

export interface GalleryTemplate {
  id: string;
  channel: z.infer<typeof manifestSchema>['channel'];
  title: Record<GalleryLanguage, string>;
  summary: Record<GalleryLanguage, string>;
  /** The flow as the designer gets it, in each language. */
  flows: Record<GalleryLanguage, FlowDocument>;
  /** The picture of its layout, an SVG kept beside the manifest (`npm run gallery-previews`). */
  previewSvg: string;
}

const examples = new URL('../../../examples/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, examples), 'utf8');

function loadTemplate(id: string): GalleryTemplate {
  const manifest = manifestSchema.parse(JSON.parse(read(`gallery/${id}.json`)));
  // The example flows are written in Spanish; each language's words are laid over them.
  const base = flowDocumentSchema.parse(JSON.parse(read(`flows/${manifest.flow}`)));
  let previewSvg = '';
  try {
    previewSvg = read(`gallery/${id}.svg`);
  } catch {
    // Not drawn yet: the gallery shows the title alone until `npm run gallery-previews` runs.
  }
  return {
    id,
    channel: manifest.channel,
    title: manifest.title,
    summary: manifest.summary,
    // The draft speaks the language it was chosen in, as a flow made from blank does: its default
    // retry and error texts follow it, and the header does not ask a first-time user to choose.
    flows: {
      es: { ...localizeFlow(base, manifest.es), language: 'es' },
      en: { ...localizeFlow(base, manifest.en), language: 'en' },
    },
    previewSvg,
  };
}

let loaded: readonly GalleryTemplate[] | undefined;

/** Every template of the gallery, read once from examples/ (they ship with the code). */
export function galleryTemplates(): readonly GalleryTemplate[] {
  loaded ??= galleryTemplateIds.map(loadTemplate);
  return loaded;
}

export const findGalleryTemplate = (id: string) => galleryTemplates().find((t) => t.id === id);

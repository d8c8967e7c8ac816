import { builtinNodes } from '@omniflow/nodes';
import { flowPreviewSvg } from './flow-preview-svg.ts';
import { galleryTemplates } from './gallery.ts';

const titles = new Map(builtinNodes.map((node) => [node.type, node.title.es]));

/** Each template's picture, drawn from its Spanish flow (the language its labels are written in). */
export const galleryPreviews = (): [id: string, svg: string][] =>
  galleryTemplates().map((t) => [t.id, flowPreviewSvg(t.flows.es, (type) => titles.get(type) ?? type)]);

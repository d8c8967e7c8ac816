import type { FlowDocument } from '../graph/flow-schema.ts';

/** A template's words in one language: the flow's name, and per node its label and config texts. */
export interface FlowWords {
  name?: string;
  description?: string;
  nodes?: Record<string, { label?: string; config?: Record<string, unknown> }>;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

// Arrays merge by position so a menu's options keep their digits and port ids and only the
// words change: a translation can never rewire a template.
function overlay(base: unknown, words: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(words))
    return base.map((item, i) => (i < words.length ? overlay(item, words[i]) : item));
  if (isRecord(base) && isRecord(words)) {
    const merged: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(words)) merged[key] = overlay(base[key], value);
    return merged;
  }
  return words === undefined ? base : words;
}

/** The flow with its texts in the words' language; ids, ports, edges and layout stay as they are. */
export function localizeFlow(flow: FlowDocument, words: FlowWords): FlowDocument {
  return {
    ...flow,
    name: words.name ?? flow.name,
    description: words.description ?? flow.description,
    nodes: flow.nodes.map((node) => {
      const nodeWords = words.nodes?.[node.id];
      if (!nodeWords) return node;
      return {
        ...node,
        ...(nodeWords.label !== undefined ? { label: nodeWords.label } : {}),
        config: nodeWords.config
          ? (overlay(node.config, nodeWords.config) as Record<string, unknown>)
          : node.config,
      };
    }),
  };
}

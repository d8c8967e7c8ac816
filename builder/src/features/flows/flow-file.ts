import type { FlowDocument } from '../../api/types.ts';

/** A file that is not a flow document, with the catalog key that says why. */
export class FlowFileError extends Error {
  constructor(readonly reason: 'flows.importNotJson' | 'flows.importNoNodes') {
    super(reason === 'flows.importNotJson' ? 'not JSON' : 'no "nodes" list');
  }
}

/** Reads an exported flow file; the API validates the document itself on import. */
export async function readFlowFile(file: File): Promise<FlowDocument> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await file.text());
  } catch {
    throw new FlowFileError('flows.importNotJson');
  }
  if (!parsed || typeof parsed !== 'object' || !Array.isArray((parsed as FlowDocument).nodes)) {
    throw new FlowFileError('flows.importNoNodes');
  }
  return parsed as FlowDocument;
}

/** Offers a flow document as a download named after the flow. */
export function downloadFlow(doc: FlowDocument): void {
  const blob = new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `${doc.name.replace(/[^\w.-]+/g, '-').toLowerCase() || 'flow'}.json`;
  link.click();
  URL.revokeObjectURL(link.href);
}

export function emptyFlow(name: string, language?: 'es' | 'en'): FlowDocument {
  return {
    schemaVersion: 1,
    name,
    description: '',
    // The designer's language is the one the flow speaks to people until they say otherwise.
    ...(language ? { language } : {}),
    nodes: [],
    edges: [],
    variables: [],
  };
}

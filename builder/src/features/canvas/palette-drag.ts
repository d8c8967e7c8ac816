import type { CatalogEntry } from '../../api/types.ts';

/** dataTransfer type of a node dragged from the palette; the value is `type@version`. */
export const paletteMimeType = 'application/x-omniflow-node';

export function toDragData(entry: Pick<CatalogEntry, 'type' | 'version'>): string {
  return `${entry.type}@${entry.version}`;
}

/** `type@version` back to its parts; undefined for anything else dropped on the canvas. */
export function parseDragData(text: string): { type: string; version: number } | undefined {
  const at = text.lastIndexOf('@');
  if (at <= 0) return undefined;
  const version = Number(text.slice(at + 1));
  if (!Number.isInteger(version) || version < 1) return undefined;
  return { type: text.slice(0, at), version };
}

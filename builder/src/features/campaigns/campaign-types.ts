import type { components } from '../../api/api-schema.ts';

export type Campaign = components['schemas']['Campaign'];
export type CampaignInput = components['schemas']['CampaignInput'];
export type CampaignStats = components['schemas']['CampaignStats'];

export interface SegmentOption {
  id: string;
  name: string;
}

/**
 * The workspace's segments for the picker. Read as plain JSON: the segments API is another
 * part's, and any list of `{ id, name }` under `segments`, `items` or at the top will do.
 */
export async function loadSegments(): Promise<SegmentOption[]> {
  const response = await fetch('/api/v1/segments', { credentials: 'same-origin' });
  if (!response.ok) return [];
  const body: unknown = await response.json();
  const list = Array.isArray(body)
    ? body
    : typeof body === 'object' && body !== null
      ? ((body as { segments?: unknown; items?: unknown }).segments ?? (body as { items?: unknown }).items)
      : [];
  return Array.isArray(list)
    ? list.filter((s): s is SegmentOption => typeof s?.id === 'string' && typeof s?.name === 'string')
    : [];
}

import { z } from '@hono/zod-openapi';
import { and, eq, gte, lt, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { normalizeContact } from '../runs/run-filter.ts';
import { ApiError, cursorInvalid } from './api-error.ts';
import type { voiceFilterSchema } from './voice-schemas.ts';

interface VoiceColumns {
  workspaceId: PgColumn;
  id: PgColumn;
  fromNumber: PgColumn;
  toNumber: PgColumn;
  flowId: PgColumn;
  /** The moment date filters apply to: when a recording was made, when a call started. */
  at: PgColumn;
}

export const encodeCursor = (id: string) => Buffer.from(id).toString('base64url');

/** SQL conditions of a recordings or calls filter, within one workspace; newest first by id. */
export function voiceFilterConditions(
  columns: VoiceColumns,
  workspaceId: string,
  filter: Omit<z.infer<typeof voiceFilterSchema>, 'limit'>,
): SQL[] {
  const conditions: SQL[] = [eq(columns.workspaceId, workspaceId)];
  if (filter.from && filter.to && Date.parse(filter.from) >= Date.parse(filter.to))
    throw new ApiError(422, 'RANGE_INVALID', {
      en: `from (${filter.from}) must be before to (${filter.to})`,
      es: `El inicio (${filter.from}) debe ser anterior al final (${filter.to})`,
    });
  if (filter.number) {
    // Stored normalised, so "+34 600 11 22 33" finds "+34600112233".
    const number = normalizeContact(filter.number);
    conditions.push(or(eq(columns.fromNumber, number), eq(columns.toNumber, number))!);
  }
  if (filter.from) conditions.push(gte(columns.at, new Date(filter.from)));
  if (filter.to) conditions.push(lt(columns.at, new Date(filter.to)));
  if (filter.flowId) conditions.push(eq(columns.flowId, filter.flowId));
  if (filter.cursor) {
    const id = Buffer.from(filter.cursor, 'base64url').toString();
    if (!z.uuid().safeParse(id).success) throw cursorInvalid();
    conditions.push(lt(columns.id, id));
  }
  return [and(...conditions)!];
}

import { newId, templates, type Db } from '@omniflow/db';
import { starterTemplates } from './starter-templates.ts';

/** Gives a new workspace the starter templates; one it already has by name is left alone. */
export async function seedStarterTemplates(db: Pick<Db, 'insert'>, workspaceId: string): Promise<void> {
  await db
    .insert(templates)
    .values(starterTemplates.map((t) => ({ id: newId(), workspaceId, ...t })))
    .onConflictDoNothing();
}

import { and, eq } from 'drizzle-orm';
import { flowVersions, flows, hookSecrets, type Db } from '@omniflow/db';
import { hookTargetOf, type HookTarget } from './hook-target.ts';

/**
 * How long a workspace's published hooks are trusted without asking the database again. A
 * publish in this process forgets them at once; in another API process it is seen within this.
 */
export const hookTrustMs = 1000;
/** A path not found is looked up again at most this often (a flood of 404s costs no queries). */
const missRefreshMs = 250;

export interface PublishedHooks {
  targets: HookTarget[];
  /** Sealed HMAC secrets by flow id. */
  secrets: Map<string, { sealed: string; keyId: string }>;
}

interface Entry {
  hooks: Promise<PublishedHooks>;
  at: number;
}

const directories = new WeakMap<Db, ReturnType<typeof createHookDirectory>>();

/** The one directory of a database's hooks in this process, so a publish here is seen at once. */
export function hookDirectoryOf(db: Db) {
  let directory = directories.get(db);
  if (!directory) directories.set(db, (directory = createHookDirectory(db)));
  return directory;
}

/**
 * The published webhook flows of each workspace, with their sealed secrets, kept in memory: a
 * request at a hook then costs no query to find its flow (the benchmark's path).
 */
export function createHookDirectory(db: Db, now = () => Date.now()) {
  const entries = new Map<string, Entry>();

  async function load(workspaceId: string): Promise<PublishedHooks> {
    const rows = await db
      .select({
        flow: { id: flows.id, name: flows.name, workspaceId: flows.workspaceId },
        version: {
          id: flowVersions.id,
          flowId: flowVersions.flowId,
          version: flowVersions.version,
          machine: flowVersions.machine,
          graph: flowVersions.graph,
        },
      })
      .from(flows)
      .innerJoin(
        flowVersions,
        and(eq(flowVersions.flowId, flows.id), eq(flowVersions.version, flows.latestVersion)),
      )
      .where(and(eq(flows.workspaceId, workspaceId), eq(flowVersions.kind, 'published')));
    const targets = rows.flatMap((row) => hookTargetOf(row.flow, row.version) ?? []);
    const secrets = new Map<string, { sealed: string; keyId: string }>();
    if (targets.some((t) => t.trigger.auth === 'hmac')) {
      const sealed = await db
        .select({ flowId: hookSecrets.flowId, sealed: hookSecrets.secretSealed, keyId: hookSecrets.keyId })
        .from(hookSecrets)
        .where(eq(hookSecrets.workspaceId, workspaceId));
      for (const s of sealed) secrets.set(s.flowId, { sealed: s.sealed, keyId: s.keyId });
    }
    return { targets, secrets };
  }

  function fresh(workspaceId: string, maxAge: number): Promise<PublishedHooks> {
    const entry = entries.get(workspaceId);
    if (entry && now() - entry.at < maxAge) return entry.hooks;
    const hooks = load(workspaceId);
    entries.set(workspaceId, { hooks, at: now() });
    // A failed load is not kept: the next request asks again.
    hooks.catch(() => entries.delete(workspaceId));
    return hooks;
  }

  return {
    /** The workspace's hooks; when none answers `path`, looked up again if not just loaded. */
    async find(workspaceId: string, matches: (target: HookTarget) => boolean): Promise<PublishedHooks> {
      const hooks = await fresh(workspaceId, hookTrustMs);
      if (hooks.targets.some(matches)) return hooks;
      return fresh(workspaceId, missRefreshMs);
    },
    /** After a publish, a delete or a new secret in this process. */
    forget(workspaceId: string) {
      entries.delete(workspaceId);
    },
  };
}

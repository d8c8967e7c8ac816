import { and, asc, eq, sql } from 'drizzle-orm';
import { channelNumbers, credentials, workspaces } from '@omniflow/db';
import { WhatsAppDriver } from '@omniflow/nodes/drivers/whatsapp';
import { NodeError } from '@omniflow/nodes/sdk';
import { driverFromSettings } from '../messaging/driver-from-settings.ts';
import { errorBody } from './api-error.ts';
import type { AppDeps } from './app-deps.ts';
import { channelNumbersOf } from './channel-numbers-of.ts';
import { webhookDriver } from './webhook-driver.ts';

/** Where a WhatsApp notification belongs: the workspace of the number, and that number's driver. */
export interface WhatsAppTarget {
  workspaceId: string;
  driver: WhatsAppDriver;
}

export type TargetLookup =
  | { ok: true; target: WhatsAppTarget }
  | { ok: false; status: 503; body: ReturnType<typeof errorBody> }
  | undefined;

const unusable = (error: unknown): TargetLookup => {
  if (!(error instanceof NodeError)) throw error;
  return { ok: false, status: 503, body: errorBody(error.code, error.message) };
};

/**
 * The phone number ids a notification is about (each change's metadata). Read before the
 * signature is checked only to pick whose secret checks it; nothing else is taken from it yet.
 */
export function phoneNumberIdsOf(rawBody: string): string[] {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return [];
  }
  const ids = new Set<string>();
  const entries = (body as { entry?: unknown })?.entry;
  for (const entry of Array.isArray(entries) ? entries : []) {
    const changes = (entry as { changes?: unknown })?.changes;
    for (const change of Array.isArray(changes) ? changes : []) {
      const id = (change as { value?: { metadata?: { phone_number_id?: unknown } } })?.value?.metadata
        ?.phone_number_id;
      if (typeof id === 'string' && id) ids.add(id);
    }
  }
  return [...ids];
}

/** The part of a notification about one number, so each workspace reads only its own. */
export function bodyForNumber(rawBody: string, phoneNumberId: string): string {
  const body = JSON.parse(rawBody) as {
    entry: { changes: { value?: { metadata?: { phone_number_id?: string } } }[] }[];
  };
  return JSON.stringify({
    ...body,
    entry: body.entry
      .map((entry) => ({
        ...entry,
        changes: entry.changes.filter((c) => c.value?.metadata?.phone_number_id === phoneNumberId),
      }))
      .filter((entry) => entry.changes.length > 0),
  });
}

/** The install's first workspace: the one a WhatsApp number set by OMNIFLOW_WHATSAPP_* serves. */
async function firstWorkspace(deps: AppDeps) {
  const [first] = await deps.db
    .select({ id: workspaces.id })
    .from(workspaces)
    .orderBy(asc(workspaces.createdAt))
    .limit(1);
  return first?.id;
}

/** The first workspace's WhatsApp (saved or from the environment): how one-number installs work. */
export async function firstWorkspaceTarget(deps: AppDeps): Promise<TargetLookup> {
  const workspaceId = await firstWorkspace(deps);
  if (!workspaceId) return undefined;
  const found = await webhookDriver(deps, workspaceId, 'whatsapp');
  if (!found.ok) return found;
  return found.driver instanceof WhatsAppDriver
    ? { ok: true, target: { workspaceId, driver: found.driver } }
    : undefined;
}

/**
 * The workspace and driver of the number Meta names: a further number of a workspace, else a
 * workspace whose channel settings are that number, else the first workspace when its number
 * (from the environment) is that one. Undefined when no workspace has it.
 */
export async function whatsAppTargetFor(deps: AppDeps, phoneNumberId: string): Promise<TargetLookup> {
  try {
    const number = await channelNumbersOf(deps).byAddress('whatsapp', phoneNumberId);
    if (number) {
      const driver = driverFromSettings('whatsapp', number.settings, { workspaceId: number.workspaceId });
      if (driver instanceof WhatsAppDriver)
        return { ok: true, target: { workspaceId: number.workspaceId, driver } };
    }
  } catch (error) {
    return unusable(error);
  }
  const [saved] = await deps.db
    .select({ workspaceId: credentials.workspaceId })
    .from(credentials)
    .where(
      and(
        eq(credentials.channel, 'whatsapp'),
        eq(credentials.provider, 'whatsapp-cloud'),
        sql`${credentials.config}->>'phoneNumberId' = ${phoneNumberId}`,
      ),
    );
  if (saved) {
    const found = await webhookDriver(deps, saved.workspaceId, 'whatsapp');
    if (!found.ok) return found;
    if (found.driver instanceof WhatsAppDriver)
      return { ok: true, target: { workspaceId: saved.workspaceId, driver: found.driver } };
  }
  const first = await firstWorkspaceTarget(deps);
  return first?.ok && first.target.driver.phoneNumberId === phoneNumberId ? first : undefined;
}

/**
 * Every WhatsApp number's driver on the install, for Meta's GET handshake (it names no number,
 * only the verify token). A number whose settings no longer open is left out.
 */
export async function allWhatsAppTargets(deps: AppDeps): Promise<WhatsAppTarget[]> {
  const numbers = await deps.db
    .select({ address: channelNumbers.address })
    .from(channelNumbers)
    .where(eq(channelNumbers.channel, 'whatsapp'));
  const saved = await deps.db
    .select({ phoneNumberId: sql<string>`${credentials.config}->>'phoneNumberId'` })
    .from(credentials)
    .where(and(eq(credentials.channel, 'whatsapp'), eq(credentials.provider, 'whatsapp-cloud')));
  const targets: WhatsAppTarget[] = [];
  for (const id of new Set([...numbers.map((n) => n.address), ...saved.map((s) => s.phoneNumberId)])) {
    const found = await whatsAppTargetFor(deps, id);
    if (found?.ok) targets.push(found.target);
  }
  return targets;
}

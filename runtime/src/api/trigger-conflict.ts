import { and, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { credentials, flowVersions, flows, mailDomains, type Db } from '@omniflow/db';
import { flowDocumentSchema, type FlowDocument } from '../graph/flow-schema.ts';
import { installClaims, sharedClaim, triggerClaims, type TriggerClaim } from '../graph/trigger-claims.ts';
import type { ValidationIssue } from '../graph/validation-issue.ts';
import { ApiError } from './api-error.ts';
import type { ReaderLanguage } from './reader-language.ts';

/**
 * The problem when another published flow already claims what this graph's trigger would: in the
 * workspace, the same number, keyword or address, naming that flow; in another workspace, what
 * routing settles across the install (installClaims), without saying whose it is. Undefined when
 * nothing stands in the way.
 */
export async function triggerConflict(
  db: Db,
  workspaceId: string,
  flowId: string,
  graph: FlowDocument,
): Promise<ValidationIssue | undefined> {
  const mine = triggerClaims(graph);
  if (mine.length === 0) return undefined;
  const published = await db
    .select({ name: flows.name, workspaceId: flows.workspaceId, graph: flowVersions.graph })
    .from(flows)
    .innerJoin(
      flowVersions,
      and(eq(flowVersions.flowId, flows.id), eq(flowVersions.version, flows.latestVersion)),
    )
    .where(and(ne(flows.id, flowId), isNotNull(flows.latestVersion), eq(flowVersions.kind, 'published')));
  const graphOf = (other: { graph: unknown }) => {
    const parsed = flowDocumentSchema.safeParse(other.graph);
    return parsed.success ? parsed.data : undefined;
  };
  for (const other of published.filter((p) => p.workspaceId === workspaceId)) {
    const theirs = graphOf(other);
    const claim = theirs && sharedClaim(mine, triggerClaims(theirs));
    if (claim) return claimedInWorkspace(other.name, claim);
  }
  const mineEverywhere = installClaims(graph);
  if (mineEverywhere.length === 0) return undefined;
  for (const other of published.filter((p) => p.workspaceId !== workspaceId)) {
    const theirs = graphOf(other);
    const claim = theirs && sharedClaim(mineEverywhere, installClaims(theirs));
    if (claim) return claimedElsewhere(claim);
  }
  const address = await addressOfAnotherWorkspace(db, workspaceId, mineEverywhere);
  return address && claimedElsewhere(address);
}

function claimedInWorkspace(flow: string, claim: TriggerClaim): ValidationIssue {
  return {
    code: 'TRIGGER_CLAIMED',
    severity: 'error',
    nodeId: claim.nodeId,
    message: `The published flow "${flow}" already answers ${claim.en}; change this trigger, or change or delete that flow first`,
    params: { flow, claim: claim.en, claimEs: claim.es },
  };
}

// Another workspace is another organisation: its flows' names are not this one's to read.
function claimedElsewhere(claim: TriggerClaim): ValidationIssue {
  return {
    code: 'TRIGGER_CLAIMED',
    severity: 'error',
    nodeId: claim.nodeId,
    message: `Another organisation on this installation already answers ${claim.en}; use another number or address, or ask whoever runs this installation`,
    params: { reason: 'elsewhere', claim: claim.en, claimEs: claim.es },
  };
}

/**
 * A mail address another workspace receives on without a flow: its sending address (people answer
 * it) or one of its own mail domains. A flow naming the address would take that mail from it, since
 * the mail server looks at flows' addresses first (email/mail-recipients.ts).
 */
async function addressOfAnotherWorkspace(
  db: Db,
  workspaceId: string,
  claims: readonly TriggerClaim[],
): Promise<TriggerClaim | undefined> {
  for (const claim of claims) {
    if (claim.kind !== 'address') continue;
    const domain = claim.key.slice(claim.key.lastIndexOf('@') + 1);
    const [owned] = await db
      .select({ workspaceId: mailDomains.workspaceId })
      .from(mailDomains)
      .where(and(eq(mailDomains.domain, domain), ne(mailDomains.workspaceId, workspaceId)))
      .limit(1);
    if (owned) return claim;
    const [sending] = await db
      .select({ id: credentials.id })
      .from(credentials)
      .where(
        and(
          eq(credentials.channel, 'email'),
          ne(credentials.workspaceId, workspaceId),
          sql`lower(trim(${credentials.config} ->> 'fromAddress')) = ${claim.key}`,
        ),
      )
      .limit(1);
    if (sending) return claim;
  }
  return undefined;
}

/** The refusal in Spanish for a Spanish reader; the issue's own `message` stays English. */
function spanishMessage(problem: ValidationIssue): string {
  const claim = String(problem.params?.claimEs ?? '');
  return problem.params?.reason === 'elsewhere'
    ? `Otra organización de esta instalación ya atiende ${claim}; usa otro número o dirección, o pregunta a quien administra la instalación`
    : `El flujo publicado «${String(problem.params?.flow)}» ya atiende ${claim}; cambia este disparador, o cambia o borra ese flujo antes`;
}

/** 409 TRIGGER_CLAIMED with the problem in `details.errors`, shaped like a 422 FLOW_INVALID. */
export async function refuseClaimedTrigger(
  db: Db,
  workspaceId: string,
  flowId: string,
  graph: FlowDocument,
  language: ReaderLanguage = 'en',
): Promise<void> {
  const problem = await triggerConflict(db, workspaceId, flowId, graph);
  if (!problem) return;
  const message = language === 'es' ? spanishMessage(problem) : problem.message;
  throw new ApiError(409, 'TRIGGER_CLAIMED', message, { errors: [problem], warnings: [] });
}

// The API's shapes the builder reads, by name. Each is the server's own (api-schema.ts, generated
// from its OpenAPI document by `npm run api-types`), never written out here: a route that changes
// what it answers changes these types, and the builder's typecheck shows every place it matters.
// Only what the client alone decides (filters it keeps in the URL) is declared at the end.
import type { components, paths } from './api-schema.ts';

type Schemas = components['schemas'];
type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;

/** What a path answers a method with when it succeeds (its 2xx JSON body). */
export type Answer<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: infer R;
}
  ? { [S in keyof R]: S extends 200 | 201 | 202 ? Json<R[S]> : never }[keyof R]
  : never;

/** The JSON body a path takes for a method. */
export type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;

/** The query parameters a path takes for a method. */
export type Query<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  parameters: { query?: infer Q };
}
  ? NonNullable<Q>
  : never;

export type FlowSummary = Schemas['FlowSummary'];
export type Flow = Schemas['Flow'];
export type FlowTemplate = Schemas['FlowTemplate'];
export type FlowDocument = Flow['draft'];
export type FlowNodeDoc = FlowDocument['nodes'][number];
export type FlowEdgeDoc = FlowDocument['edges'][number];
export type FlowVersionSummary = Schemas['FlowVersionSummary'];
export type ValidationIssue = Schemas['ValidationIssue'];
export type User = Schemas['User'];
export type Permission = Schemas['Permission'];
/** A node type as GET /nodes lists it: ports, flags and its config's JSON Schema. */
export type CatalogEntry = Schemas['NodeType'];

export type RunStatus = RunSummary['status'];
export type RunSummary = Schemas['RunSummary'];
export type RunCounts = Answer<'/runs/counts', 'get'>;
export type RunFault = NonNullable<Schemas['RunFault']>;
export type RunStep = Schemas['RunStep'];
/** Something from outside the run (a reply, a keypress, a webhook) that reached it. */
export type RunEvent = Schemas['RunEventRecord'];
/** An event sent to a waiting run (POST /runs/{id}/events). */
export type RunEventInput = Schemas['RunEvent'];
export type RunDetail = Schemas['Run'];
/** What is left of a run whose details expired. */
export type RunRetainedSummary = NonNullable<RunDetail['summary']>;

export type ReplayResult = Schemas['ReplayResult'];
export type VerifyReplayResult = Extract<ReplayResult, { mode: 'verify' }>;
export type RerunResult = Extract<ReplayResult, { mode: 'rerun' }>;
export type RetryFromStepResult = Extract<ReplayResult, { mode: 'retry-from-step' }>;

export type BulkJob = Schemas['BulkJob'];
export type BulkAction = BulkJob['action'];
export type BulkPreview = Answer<'/runs/bulk/preview', 'post'>;
export type BulkJobStarted = Answer<'/runs/bulk', 'post'>;

/** Runs of a flow that are running or waiting right now, by the node they are at. */
export type InflightCounts = Schemas['Inflight'];
/** A flow's figures per node and port over a period (GET /flows/{id}/analytics). */
export type FlowAnalytics = Schemas['FlowAnalytics'];
export type NodeAnalytics = Schemas['NodeAnalytics'];
export type InflightPolicy = NonNullable<Body<'/flows/{id}/publish', 'post'>>['inflight'];
export type PublishResult = Answer<'/flows/{id}/publish', 'post'>;
export type WhatIfResult = Answer<'/flows/{id}/what-if', 'post'>;
export type WhatIfRunResult = Schemas['WhatIfResult'];
export type TestRunStarted = Answer<'/flows/{id}/test-runs', 'post'>;

export type WorkspaceSettings = Schemas['WorkspaceSettings'];
/** One channel as GET /channels shows it to an admin; secrets only by name, never their values. */
export type ChannelSettingsView = Schemas['ChannelSettings'];
export type MessagingChannel = ChannelSettingsView['channel'];
/** Who carries a channel's messages (PUT /channels/{channel}). */
export type ChannelProvider = ChannelSettingsInput['provider'];
/** The body of PUT /channels/{channel}; a secret left out keeps the saved one. */
export type ChannelSettingsInput = Schemas['ChannelSettingsInput'];
/** The outcome of POST /channels/{channel}/test (an SMPP bind and unbind). */
export type ChannelTestResult = Answer<'/channels/{channel}/test', 'post'>;
/** GET /workspace/webchat-embed: the widget key and a script tag for this server. */
export type WebChatEmbed = Answer<'/workspace/webchat-embed', 'get'>;

export type DeliverabilityReport = Schemas['DeliverabilityReport'];
export type DeliverabilityCheck = Schemas['DeliverabilityCheck'];

/** One message in or out on a channel; its `body` is free-form (read it with message-body.ts). */
export type Message = Schemas['Message'];
export type EmailEvent = Schemas['EmailEvent'];
export type MessageStatus = Message['status'];
export type MessagePage = Answer<'/messages', 'get'>;
/** What the person's side of a sandbox channel sends (POST /sandbox/messages). */
export type SandboxInbound = Body<'/sandbox/messages', 'post'>;
/** Where a sandbox message went: a new run, the conversation's run, nowhere, or a STOP/START. */
export type SandboxInboundResult = Answer<'/sandbox/messages', 'post'>;
export type SandboxOutcome = SandboxInboundResult['outcome'];

export type CallRecord = Schemas['CallRecord'];
export type HangupSide = NonNullable<CallRecord['hangupSide']>;
export type Recording = Schemas['Recording'];
export type CallVolume = Schemas['CallVolume'];
export type RecordingsUsage = Schemas['RecordingsUsage'];

/** A mail the email sandbox caught, as the list shows it, and whole (headers, text, HTML). */
export type CaughtMailSummary = Schemas['CaughtMailSummary'];
export type CaughtMail = Schemas['CaughtMail'];
/** A mail written to the flows from the Mail page (POST /mail-catcher/inbound). */
export type WrittenMail = Schemas['WrittenMail'];
export type WrittenMailResult = Answer<'/mail-catcher/inbound', 'post'>;

// Client-side: what the builder keeps in its URL and turns into the API's query.

/**
 * A list of every member of a union, checked: a member the server adds and the list lacks fails the
 * typecheck (the screens would never show it otherwise).
 */
const everyOf =
  <T>() =>
  <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : never)): L =>
    list;

/** Every run status, in the order the screens list them. */
export const runStatuses = everyOf<RunStatus>()([
  'running',
  'waiting',
  'completed',
  'failed',
  'cancelled',
  'abandoned',
  'skipped',
]);

/** Which runs a list, a count or a bulk action is about; every field narrows it. */
export interface RunFilter {
  flowId?: string;
  status?: RunStatus[];
  version?: number;
  /** ISO timestamps: runs started at or after `from`, before `to`. */
  from?: string;
  to?: string;
  /** A phone number or an email address. */
  contact?: string;
  /** Runs waiting at, or failed at, this node. */
  nodeId?: string;
}

export const hangupSides = everyOf<HangupSide>()(['caller', 'flow', 'transfer', 'error']);

/** Which calls or recordings a screen shows; every field narrows it. */
export interface VoiceFilter {
  /** The caller or the called number. */
  number?: string;
  /** ISO timestamps: started (calls) or made (recordings) at or after `from`, before `to`. */
  from?: string;
  to?: string;
  flowId?: string;
}

/** A sending domain's DKIM key as the API shows it (never the private key). */
export type DkimKey = Schemas['DkimKey'];
/** A mailbox the workspace takes mail from over IMAP, with whether it works (never the password). */
export type ImapMailbox = Schemas['ImapMailbox'];
export type ApiKey = Schemas['ApiKey'];
export type OAuthClient = Schemas['OAuthClient'];
export type WebhookSubscription = Schemas['WebhookSubscription'];
export type WebhookEventType = Schemas['WebhookEventType'];
export type WebhookDelivery = Schemas['WebhookDelivery'];
export type ReportDocument = Schemas['ReportDocument'];
export type ReportInfo = Schemas['ReportInfo'];

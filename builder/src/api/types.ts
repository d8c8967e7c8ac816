// Shapes of the API's answers the builder reads (see /api/v1/openapi.json).
export type { CatalogEntry } from '@omniflow/nodes/sdk';

export interface FlowNodeDoc {
  id: string;
  type: string;
  version: number;
  config: Record<string, unknown>;
  position: { x: number; y: number };
  label?: string;
}

export interface FlowEdgeDoc {
  id: string;
  from: { node: string; port: string };
  to: { node: string };
}

export interface FlowDocument {
  schemaVersion: 1;
  name: string;
  description: string;
  trigger?: { node: string };
  nodes: FlowNodeDoc[];
  edges: FlowEdgeDoc[];
  variables: { name: string; type: string; default?: unknown }[];
}

export interface FlowSummary {
  id: string;
  name: string;
  description: string;
  latestVersion: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface Flow extends FlowSummary {
  draft: FlowDocument;
}

export interface ValidationIssue {
  code: string;
  message: string;
  severity: 'error' | 'warning';
  nodeId?: string;
  edgeId?: string;
  path?: (string | number)[];
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: string;
  workspaceId: string;
}

// Runs console (issue #4). The API side is built to the same contract in another branch.

export const runStatuses = ['running', 'waiting', 'completed', 'failed', 'cancelled', 'abandoned'] as const;
export type RunStatus = (typeof runStatuses)[number];

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

export interface RunSummary {
  id: string;
  flowId: string;
  flowName: string;
  version: number;
  test: boolean;
  status: RunStatus;
  currentNodes: string[];
  failedNodeId: string | null;
  contact: string | null;
  startedAt: string;
  endedAt: string | null;
  rerunOf: string | null;
  /** Steps, events and payloads were removed after the workspace's retention period. */
  detailsExpired: boolean;
}

export interface RunCounts {
  counts: Record<RunStatus, number>;
  total: number;
}

export interface RunFault {
  message: string;
  /** The provider's or the node's error code, when it gave one. */
  code?: string;
  nodeId?: string;
}

export interface RunStep {
  seq: number;
  nodeId: string;
  nodeType: string;
  enteredAt: string;
  leftAt: string | null;
  durationMs: number | null;
  port: string | null;
  attempts: number | null;
  input: unknown;
  output: unknown;
  error: RunFault | null;
}

/** Something from outside the run (a reply, a keypress, a webhook) that reached it. */
export interface RunEvent {
  seq: number;
  type: string;
  data: unknown;
  receivedAt: string;
}

/** What is left of a run whose details expired. */
export interface RunRetainedSummary {
  stepCount: number;
  path: string[];
  lastNodeId: string | null;
}

export interface RunDetail extends RunSummary {
  input: unknown;
  output: unknown;
  error: RunFault | null;
  steps: RunStep[];
  events: RunEvent[];
  /** Messages the run sent and received, oldest first. */
  messages: Message[];
  /** The graph of the version the run is pinned to. */
  graph: FlowDocument;
  reruns: string[];
  /** Set when `detailsExpired`. */
  summary: RunRetainedSummary | null;
}

export interface VerifyReplayResult {
  mode: 'verify';
  deterministic: boolean;
  error: string | null;
  historyLength: number;
}

export interface RerunResult {
  mode: 'rerun';
  runId: string;
  version: number;
}

export interface RetryFromStepResult {
  mode: 'retry-from-step';
  runId: string;
  fromSeq: number;
  status: RunStatus;
}

export type BulkAction = 'cancel' | 'rerun' | 'retry';

export interface BulkPreview {
  count: number;
  sample: RunSummary[];
}

export interface BulkJobStarted {
  jobId: string;
  total: number;
}

export interface BulkJob {
  id: string;
  action: BulkAction;
  status: 'running' | 'completed' | 'failed';
  total: number;
  done: number;
  succeeded: number;
  failed: number;
  errors: { runId: string; message: string }[];
}

/** Runs of a flow that are running or waiting right now, by the node they are at. */
export interface InflightCounts {
  total: number;
  byNode: Record<string, number>;
  byVersion: { version: number; total: number; byNode: Record<string, number> }[];
}

export type InflightPolicy = 'keep' | 'cancel';

export interface PublishResult {
  version: number;
  hash: string;
  /** In-flight runs cancelled because the publish asked for it. */
  cancelled: number;
}

export interface WhatIfRunResult {
  runId: string;
  changed: boolean;
  status: RunStatus;
  originalPath: string[];
  draftPath: string[];
  divergedAt: { index: number; originalNodeId: string | null; draftNodeId: string | null } | null;
}

export interface WhatIfResult {
  total: number;
  changedCount: number;
  results: WhatIfRunResult[];
}

export interface WorkspaceSettings {
  runRetentionDays: number;
}

export type MessagingChannel = 'whatsapp' | 'sms' | 'webchat';

/** Who carries a channel's messages (PUT /channels/{channel}). */
export type ChannelProvider = 'whatsapp-cloud' | 'smpp' | 'twilio' | 'sandbox';

/**
 * Where a channel's provider comes from: saved in the workspace, the server's environment, the
 * sandbox, or none (no provider and a server that refuses the sandbox: sends fail).
 */
export type ChannelSource = 'settings' | 'environment' | 'sandbox' | 'none';

/** One channel as GET /channels shows it to an admin; secrets only by name, never their values. */
export interface ChannelSettingsView {
  channel: MessagingChannel;
  /** null: a driver the API cannot name (the built-in web chat widget). */
  provider: ChannelProvider | null;
  source: ChannelSource;
  /** Sends go to the sandbox: recorded as delivered, reaching no one. */
  sandbox: boolean;
  config: Record<string, unknown>;
  secretsSet: string[];
  keyId: string | null;
  updatedAt: string | null;
  /** Paths (under this server) to paste at the provider, by purpose. */
  webhooks?: Record<string, string>;
}

/** The body of PUT /channels/{channel}; a secret left out keeps the saved one. */
export interface ChannelSettingsInput {
  provider: ChannelProvider;
  config: Record<string, string | number>;
  secrets: Record<string, string>;
}

/** The outcome of POST /channels/{channel}/test (an SMPP bind and unbind). */
export interface ChannelTestResult {
  ok: boolean;
  code?: string;
  message: string;
}

/** GET /workspace/webchat-embed: the widget key and a script tag for this server. */
export interface WebChatEmbed {
  key: string;
  embedCode: string;
}

export type MessageStatus =
  'queued' | 'sent' | 'delivered' | 'read' | 'failed' | 'undelivered' | 'expired' | 'received';

/** A quick reply a flow offered: WhatsApp reply button, numbered SMS option or web chat chip. */
export interface MessageButton {
  id: string;
  title: string;
}

export interface MessageBody {
  text?: string;
  buttons?: MessageButton[];
  /** A WhatsApp list (more than three options): a button that opens these rows. */
  list?: { button: string; sections: { title: string; rows: MessageButton[] }[] };
  /** The button a person pressed (inbound). */
  choiceId?: string;
  media?: { kind: string; url?: string };
}

/** One message in or out on a channel (GET /messages, newest first). */
export interface Message {
  id: string;
  channel: MessagingChannel;
  direction: 'outbound' | 'inbound';
  contactAddress: string;
  ourAddress: string;
  runId: string | null;
  nodeId: string | null;
  providerMessageId: string | null;
  body: MessageBody;
  segments: number;
  status: MessageStatus;
  statusHistory: { status: string; at: string; errorCode?: string; errorMessage?: string }[];
  errorCode: string | null;
  createdAt: string;
}

export interface MessagePage {
  items: Message[];
  nextCursor: string | null;
}

/** What the person's side of a sandbox channel sends (POST /sandbox/messages). */
export interface SandboxInbound {
  channel: MessagingChannel;
  from: string;
  to?: string;
  text?: string;
  choiceId?: string;
}

export type SandboxOutcome = 'started' | 'delivered' | 'unrouted' | 'duplicate' | 'opted-out' | 'opted-in';

/** Where a sandbox message went: a new run, the conversation's run, nowhere, or a STOP/START. */
export interface SandboxInboundResult {
  outcome: SandboxOutcome;
  runId: string | null;
}

// Calls and recordings (issue #6): GET /calls, /calls/volume, /recordings, /recordings/usage.

export const hangupSides = ['caller', 'flow', 'transfer', 'error'] as const;
export type HangupSide = (typeof hangupSides)[number];

/** Which calls or recordings a screen shows; every field narrows it. */
export interface VoiceFilter {
  /** The caller or the called number. */
  number?: string;
  /** ISO timestamps: started (calls) or made (recordings) at or after `from`, before `to`. */
  from?: string;
  to?: string;
  flowId?: string;
}

export interface CallRecord {
  id: string;
  callId: string;
  driver: string;
  runId: string | null;
  flowId: string | null;
  from: string;
  to: string;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  durationMs: number | null;
  path: string[];
  /** `at` is there when the driver recorded when the digits came. */
  digits: { nodeId: string; digits: string; at?: string }[];
  hangupSide: HangupSide | null;
}

export interface Recording {
  id: string;
  callRecordId: string | null;
  runId: string | null;
  flowId: string | null;
  nodeId: string | null;
  from: string;
  to: string;
  contentType: string;
  bytes: number;
  durationMs: number;
  createdAt: string;
  audioUrl: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface CallVolume {
  bucket: 'day' | 'hour';
  timeZone: string;
  items: { period: string; total: number; answered: number; abandoned: number }[];
}

export interface RecordingsUsage {
  store: string;
  bytes: number;
  quotaBytes: number;
  percent: number;
  warning: boolean;
  full: boolean;
  count: number;
}

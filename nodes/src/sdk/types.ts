import type { Call } from './call.ts';
import type { MessagingChannel, OutboundMessage, SendResult } from './channels.ts';
import type { ActionRef, GuardRef } from './instructions/instruction-params.ts';
import type { NodeInstructions } from './instructions/instruction-set.ts';
import type { z } from 'zod';

/** Every text a user sees, in both UI languages. */
export interface Localized {
  en: string;
  es: string;
}

export const nodeCategories = ['flow', 'logic', 'http', 'messaging', 'voice', 'email', 'data', 'ai'] as const;
export type NodeCategory = (typeof nodeCategories)[number];

/** A JSON value: what machine fragments, configs and outputs are made of. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface TransitionJson {
  /** Absent: the run stays where it is and only the actions run. */
  target?: string;
  /** A guard of the instruction set with its params (`guard('portIs', { port })`). */
  guard?: GuardRef;
  /** Actions of the instruction set with their params (`action('saveOutput', { nodeId })`). */
  actions?: ActionRef[];
}

/** The subset of an XState state config a node may return: JSON only. */
export interface StateFragment {
  type?: 'final';
  entry?: ActionRef[];
  always?: TransitionJson | TransitionJson[];
  on?: { [event: string]: TransitionJson | TransitionJson[] };
  after?: { [delay: string]: TransitionJson | TransitionJson[] };
  invoke?: {
    id: string;
    src: 'runNode';
    input: Record<string, unknown>;
    onDone: TransitionJson[];
    onError: TransitionJson | TransitionJson[];
  };
  meta?: Record<string, unknown>;
  /** Child states, for a node that goes through steps of its own (ask, wait for the answer, ask again). */
  initial?: string;
  states?: Record<string, StateFragment>;
}

/** Temporal activity options a node asks for, as plain JSON so they travel inside the machine. */
export interface NodeActivityOptions {
  startToCloseTimeout: string;
  retry?: { maximumAttempts?: number; initialInterval?: string; backoffCoefficient?: number };
  /**
   * `call`: the activity must run in the process that holds the run's live phone call (its RTP
   * socket cannot move), so it goes to the task queue that process named in the run's input.
   */
  queue?: 'call';
  /**
   * For activities that may run long (a recording, a slow caller): the runtime heartbeats while
   * the node runs, so a process that died with its call is noticed after this (a Temporal
   * duration, like `startToCloseTimeout`: `30s`).
   */
  heartbeatTimeout?: string;
}

export interface CompileContext {
  nodeId: string;
  /** State id the given port leads to: the wired node, or the implicit completion state. */
  target(port: string): string;
  /** Step marker recording that the node was left through `port`. */
  leave(port: string): ActionRef;
  /** The node a port is wired to (its config parsed), or undefined when the port is unwired. */
  follower(port: string): NodeInstance<unknown> | undefined;
  /**
   * An invoke of the node's activity whose result port picks the transition. `next` travels to
   * the activity as `deps.next`: what the node may prepare ahead for the node after it (a menu
   * starting the prompt its chosen option leads to). Keep it small: it is in every history.
   */
  runActivity(options: { ports: readonly string[]; errorPort?: string; next?: NextNodes }): StateFragment;
}

/** Per port, the node it leads to, as much of it as the activity needs to act ahead. */
export type NextNodes = Record<string, { nodeId: string; type: string; version: number; config: Json }>;

export interface NodeInstance<TConfig> {
  id: string;
  type: string;
  version: number;
  config: TConfig;
}

/** What a template sees: DESIGN.md §4 and issue #2. */
export interface TemplateScope {
  input: unknown;
  vars: Record<string, unknown>;
  nodes: Record<string, { output?: unknown }>;
  run: { id: string; flowId: string; version: number; startedAt: string };
}

export interface ActivityDeps {
  /** `runId:nodeId:seq`: the same for every retry of one step, so drivers can deduplicate. */
  idempotencyKey: string;
  signal: AbortSignal;
  env: Record<string, string | undefined>;
  /** The time now (default the system clock); tests pass a fixed one. */
  clock?: () => Date;
  /** Sends through the workspace's channels and records each message; absent where none are set up. */
  messaging?: NodeMessaging;
  /** Reads and writes the contacts of the run's workspace. */
  contacts?: NodeContacts;
  /** The workspace's template library (Templates in the top bar), rendered for this run. */
  templates?: NodeTemplates;
  /** Hands conversations to human agents. */
  conversations?: NodeConversations;
  /** The live phone calls this process holds; only on the worker that answered the call. */
  voice?: NodeVoice;
  /** Stores call recordings, bound to the run, node and step; beside `voice` on the call's worker. */
  recordings?: NodeRecordings;
  /** The workspace's recorded prompts as files the call can play; beside `voice` on the call's worker. */
  voicePrompts?: NodeVoicePrompts;
  /** The workspace's AI provider and the token count of the run (ai.chat); absent where none is wired. */
  ai?: NodeAi;
  /** The node's id in the flow (what `nodes.<id>` templates of later nodes read its output by). */
  nodeId?: string;
  /** What the node's compile passed as `runActivity({ next })`: the nodes its ports lead to. */
  next?: NextNodes;
}

/** An OpenAI-compatible chat-completions endpoint a workspace set (Settings → AI provider). */
export interface AiProvider {
  baseUrl: string;
  model: string;
  apiKey?: string;
}

/** What the AI node may use: its workspace's provider, and where the tokens it spent are counted. */
export interface NodeAi {
  /** Undefined when the workspace set no provider. */
  provider(): Promise<AiProvider | undefined>;
  /** Counts the tokens one model call spent against the run (reports sum them). */
  recordUsage(usage: { model: string; promptTokens: number; completionTokens: number }): Promise<void>;
}

/** What a node may do with a recording a call made: store it with its call record, run and node. */
export interface NodeRecordings {
  /** A fresh local file for the driver to write a WAV into before it is saved. */
  scratchPath(): string;
  /**
   * Stores the WAV (within the workspace's quota) as a recording of the call and removes the
   * scratch file; a retried step answers the recording it saved before.
   */
  save(recording: { callId: string; file: string; durationMs: number }): Promise<{ recordingId: string }>;
}

/** The recorded prompts (issue #15) of the workspace whose flow took a call. */
export interface NodeVoicePrompts {
  /**
   * The prompt `promptId` as a local prompt WAV (8 kHz mono) the call's driver plays; a
   * NodeError VOICE_PROMPT_UNKNOWN when the call's workspace has no such prompt (deleted, or a
   * flow imported from another workspace).
   */
  file(promptId: string, callId: string): Promise<string>;
}

/** Voice nodes reach their run's call by id and never see SIP or a provider. */
export interface NodeVoice {
  /** The live call; throws `CALLER_HUNG_UP` when it has ended or this process does not hold it. */
  call(callId: string): Call;
  /** The workspace whose flow took the call: agent queues are per workspace. */
  workspaceOf?(callId: string): string | undefined;
}

/** What a node may do to a conversation: put it in an agent queue (idempotent per step). */
export interface NodeConversations {
  handOff(request: {
    channel: MessagingChannel;
    address: string;
    queue: string;
  }): Promise<{ conversationId: string }>;
}

/** What a node may do to contacts: save answers on the person behind an address. */
export interface NodeContacts {
  update(
    channel: MessagingChannel,
    address: string,
    attributes: Record<string, unknown>,
  ): Promise<{ contactId: string; attributes: Record<string, unknown> }>;
}

/** What a messaging node may do, already bound to its run, node and idempotency key. */
/** A library template rendered with the run's scope (Liquid), in the language asked for. */
export interface NodeTemplates {
  /** An email template: MJML rendered to HTML, with its subject and text alternative. */
  email(name: string, language: 'es' | 'en', scope: TemplateScope): Promise<RenderedEmail>;
  /** A short text template (SMS, WhatsApp, web chat). */
  text(name: string, language: 'es' | 'en', scope: TemplateScope): Promise<string>;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export interface NodeMessaging {
  send(channel: MessagingChannel, message: Omit<OutboundMessage, 'idempotencyKey'>): Promise<SentMessage>;
  /** The newest mail the run received (what an answer in its thread replies to), if any. */
  lastMail?(): Promise<ReceivedMail | undefined>;
}

/** A mail a run received, as much of it as an answer in its thread needs (RFC 5322 §3.6.4). */
export interface ReceivedMail {
  /** The person's address: where the answer goes. */
  from: string;
  /** Our address they wrote to. */
  to: string;
  subject: string;
  /** Its Message-ID, without angle brackets. */
  messageId: string;
  /** Its References (the thread's ids before it), oldest first. */
  references: string[];
}

export interface SentMessage extends SendResult {
  /** The `messages` row that records it. */
  messageId: string;
}

export interface ActivityResult<TPort extends string = string> {
  port: TPort;
  output: unknown;
  /** What the node actually sent (rendered templates), for the step record. */
  input?: unknown;
  /** Why a result on the error port is a failure (e.g. `HTTP_503`), shown when the run fails on it. */
  fault?: { code: string; message: string };
}

export interface NodeActivity<TConfig, TPort extends string> {
  options: NodeActivityOptions;
  output: z.ZodType;
  run(config: TConfig, scope: TemplateScope, deps: ActivityDeps): Promise<ActivityResult<TPort>>;
}

export interface NodeDefinition<TSchema extends z.ZodType = z.ZodType, TPort extends string = string> {
  type: string;
  version: number;
  title: Localized;
  description: Localized;
  category: NodeCategory;
  /** Name of an icon in the builder's icon set (lucide names). */
  icon: string;
  /** Starts a flow; exactly one per graph. */
  trigger?: boolean;
  /** Stops and waits for time or an outside event, so a loop through it is not a busy loop. */
  waits?: boolean;
  /**
   * Running the node changes nothing outside the run and never waits: its fragment only moves
   * the run's context, and its activity, if it has one, only computes from its config and the
   * run's scope (no network, no database, no messages, no timers, no `deps` but `clock`). A run
   * whose path holds only pure nodes is played in the API process that took the request and
   * recorded in one write, without Temporal (ARCHITECTURE.md, "Instant runs"); the first node
   * that is not pure hands the run over to Temporal from where it is. Leave it unset when in
   * doubt: an unmarked node only costs speed, a wrongly marked one could act twice.
   */
  pure?: boolean;
  /**
   * Output ports; a function when ports depend on the config. Ports named by a list's rows (a
   * split's branches, a menu's options) come from `rowPorts`, so the builder can draw them too.
   */
  ports: readonly TPort[] | PortsOfConfig<z.infer<TSchema>>;
  /**
   * What each fixed output port means, in both languages: the inspector's help explains the
   * ports with it. Every built-in node describes every fixed port (a test checks it).
   */
  portDescriptions?: Readonly<Record<string, Localized>>;
  /** For `rowPorts` nodes: what the port of each row (an option, a branch) means. */
  rowPortDescription?: Localized;
  /**
   * What the node's card on the canvas shows of its config, line by line, so a flow reads
   * without opening the inspector (the builder draws it: canvas/node-summary.ts). Data, not a
   * function: the builder only sees the catalog. `[]` when there is nothing to show.
   */
  summary?: readonly NodeSummaryLine[];
  /** Ports that must be wired for the flow to publish (e.g. `failed`, `timeout`). */
  requiredPorts?: readonly TPort[];
  config: TSchema;
  /**
   * What `nodes.<id>.output` holds once the node has run, when that is not its activity's output
   * (a question's answer, a split's branch). Fields carry `.meta(outputField(...))`: the variable
   * picker names them to the designer and the validator knows which references are objects.
   */
  output?: z.ZodType;
  /** Upgrades a config saved by an older version of this node. */
  migrate?: (config: unknown, fromVersion: number) => unknown;
  compile(node: NodeInstance<z.infer<TSchema>>, ctx: CompileContext): StateFragment;
  activity?: NodeActivity<z.infer<TSchema>, TPort>;
  /**
   * Actions and guards of the node's own that its fragment names (message.ask's reply handling),
   * beside the core set every node may use. They must be pure (only xstate and sdk/expressions,
   * no I/O, no clock): they run inside the workflow, which loads them through
   * `nodes/src/instructions.ts`; `sdk/testing` runs the fragment with them.
   */
  instructions?: NodeInstructions;
  /**
   * Sends free text (not a pre-approved template) on the channel its `channel` config field
   * names: on WhatsApp that is refused outside the 24 h customer-service window, which the
   * validator warns about.
   */
  sendsFreeText?: boolean;
  /** Ports the node leaves by because the person just wrote to us: WhatsApp's 24 h window opens again. */
  repliedPorts?: readonly TPort[];
  /**
   * A trigger set off by a person's message: the run has a conversation (nodes may answer on
   * "the conversation's channel"), and its person just wrote on one of these channels.
   */
  startsConversation?(config: z.infer<TSchema>): readonly MessagingChannel[];
  /**
   * Defaults a person hears or reads (retry and error texts), per language: left empty in a flow,
   * the field gets the one for the node's `language`, else the flow's (`withLanguageDefaults`).
   * The schema's own `.default()` stays for configs compiled without a language.
   */
  languageDefaults?: Partial<Record<keyof z.input<TSchema> & string, Localized>>;
}

/** A definition with its types erased, as registries hold them. */
export type AnyNodeDefinition = NodeDefinition<z.ZodType, string>;

/** Where the ports of a `rowPorts` node come from: each row's `id` in `list`, then `then`. */
export interface RowPortsSource {
  list: string;
  then: readonly string[];
}

/** Ports computed from a node's config; `rows` is set when they are a list's row ids (`rowPorts`). */
export type PortsOfConfig<TConfig> = ((config: TConfig) => string[]) & { rows?: RowPortsSource };

/**
 * How a summary value is shown: `text` as written (templates too, whitespace collapsed; a list
 * joined by commas), `duration` as words ("5 minutos"), `host` the host of a URL, `choice` an
 * enum value by its `optionLabels`, `keys` an object's keys, `conditions` a split's conditions
 * ("x es igual a 1"), `percent` a number with "%".
 */
export type SummaryFormat = 'text' | 'duration' | 'host' | 'choice' | 'keys' | 'conditions' | 'percent';

/** A config field a summary line shows. */
export interface SummaryField {
  field: string;
  as?: SummaryFormat;
}

/**
 * One line of a node card: a config field (`{ field: 'prompt' }`), with an optional label before
 * it and a field shown first (`before: 'method'` for "GET api.example.com"); or one line per row
 * of a config list (`{ rows: 'options', show: ['digit', 'label'] }` for "1 · Soporte"). A line
 * whose value is empty is left out.
 */
export type NodeSummaryLine =
  | (SummaryField & { label?: Localized; before?: string })
  | { rows: string; show: (string | SummaryField)[]; join?: string; label?: Localized };

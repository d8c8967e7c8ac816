/**
 * The pure half of carrying out a machine step (XState's resolve/execute split): the actions a
 * transition returned become the commands the workflow carries out. Nothing here touches
 * Temporal, the clock or the run's state, so it is tested without either.
 */

/** An action as XState hands it to the executor: only its type and params are read. */
export interface ExecutableAction {
  type: string;
  params?: unknown;
}

/** What the instruction set passes as the input of a spawned `runNode`: one node activity. */
export interface ActivityRequest {
  nodeId: string;
  nodeType: string;
  version: number;
  config: unknown;
  options: {
    startToCloseTimeout: string;
    retry?: Record<string, unknown>;
    queue?: 'call';
    heartbeatTimeout?: string;
  };
  next?: unknown;
}

export interface TimerEvent {
  type: string;
  [key: string]: unknown;
}

export type RunCommand =
  /** A node was entered: a new step (visit) begins. */
  | { type: 'openStep'; nodeId: string; nodeType: string }
  /** A node was left through `port`: its open step ends. */
  | { type: 'closeStep'; nodeId: string; port: string }
  /** Run the node's side effects as an activity; its result comes back as `xstate.done.actor.<id>`. */
  | { type: 'startActivity'; id: string; request: ActivityRequest }
  /** The machine no longer waits for that activity (it left the node): cancel it, ignore its result. */
  | { type: 'stopActivity'; id: string }
  /** A delayed event (a wait's end, a timeout), due `delayMs` from now. */
  | { type: 'startTimer'; id: string; event: TimerEvent; delayMs: number }
  | { type: 'cancelTimer'; id: string };

/** The commands for the actions of one step, in the order the actions came. */
export function planCommands(actions: readonly ExecutableAction[]): RunCommand[] {
  const commands: RunCommand[] = [];
  for (const action of actions) {
    const command = commandFor(action.type, isRecord(action.params) ? action.params : {});
    if (command) commands.push(command);
  }
  return commands;
}

function commandFor(type: string, params: Record<string, unknown>): RunCommand | undefined {
  switch (type) {
    case 'enterNode':
      return { type: 'openStep', nodeId: String(params.nodeId), nodeType: String(params.nodeType) };
    case 'leaveNode':
      return { type: 'closeStep', nodeId: String(params.nodeId), port: String(params.port) };
    case 'xstate.spawnChild':
      return { type: 'startActivity', id: String(params.id), request: activityRequest(params.input) };
    case 'xstate.stopChild': {
      // XState names the child by its actor ref once spawned, by id before.
      const ref = params.actorRef;
      return { type: 'stopActivity', id: String(isRecord(ref) && ref.id !== undefined ? ref.id : params.id) };
    }
    case 'xstate.raise':
      // An undelayed raise was already handled inside the transition.
      if (typeof params.delay !== 'number') return undefined;
      return {
        type: 'startTimer',
        id: String(params.id),
        event: timerEvent(params.event),
        delayMs: params.delay,
      };
    case 'xstate.cancel':
      return { type: 'cancelTimer', id: String(params.sendId) };
    default:
      return undefined;
  }
}

function activityRequest(input: unknown): ActivityRequest {
  if (
    isRecord(input) &&
    typeof input.nodeId === 'string' &&
    typeof input.nodeType === 'string' &&
    typeof input.version === 'number' &&
    isRecord(input.options) &&
    typeof input.options.startToCloseTimeout === 'string'
  ) {
    return {
      nodeId: input.nodeId,
      nodeType: input.nodeType,
      version: input.version,
      config: input.config,
      options: {
        startToCloseTimeout: input.options.startToCloseTimeout,
        ...(isRecord(input.options.retry) ? { retry: input.options.retry } : {}),
        ...(input.options.queue === 'call' ? { queue: 'call' as const } : {}),
        ...(typeof input.options.heartbeatTimeout === 'string'
          ? { heartbeatTimeout: input.options.heartbeatTimeout }
          : {}),
      },
      ...(input.next !== undefined ? { next: input.next } : {}),
    };
  }
  throw new Error(`A runNode spawn without a node activity request: ${JSON.stringify(input)}`);
}

function timerEvent(event: unknown): TimerEvent {
  if (isRecord(event) && typeof event.type === 'string') return { ...event, type: event.type };
  throw new Error(`A delayed raise without an event type: ${JSON.stringify(event)}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

import {
  allHandlersFinished,
  condition,
  continueAsNew,
  isCancellation,
  patched,
  proxySinks,
  workflowInfo,
} from '@temporalio/workflow';
import type { AnyMachineSnapshot } from 'xstate';
import { createMachineStepper, hydrateMachine } from '../../machine/index.ts';
import type { FlowEvent, RunContext, RunFault } from '../../machine/index.ts';
import type { RunStatus } from '../run-progress.ts';
import type { FlowRunArgs, FlowRunResult, ProgressSinks, RunState } from '../workflow-api.ts';
import { createCallHangup } from './call-hangup.ts';
import { carryOutCommands } from './carry-out-commands.ts';
import {
  handOverConversation,
  handsOverMessages,
  holdsUntakenMessages,
  isPersonMessage,
  noteConversationRunStarted,
} from './conversation-handover.ts';
import { createEventInbox, type QueuedEvent } from './event-inbox.ts';
import { createNodeActivities } from './node-activities.ts';
import { planCommands, type ExecutableAction } from './plan-commands.ts';
import { setRunHandlers } from './run-handlers.ts';
import { setHttpAnswerHandler } from './http-answer.ts';
import { createRunTimers } from './run-timers.ts';
import { createStepJournal } from './step-journal.ts';

const { progress } = proxySinks<ProgressSinks>();

const finalStates = new Set(['__completed', '__failed']);

/**
 * Updates accepted together whose event the run can no longer take when its turn comes are
 * refused. Runs recorded before answered them once at rest, as if taken; their history replays
 * that way (Temporal's patch marker tells which is which), and they refuse from then on.
 */
const refusesUntakenEvents = () => patched('refuse-untaken-events');

/**
 * One run of a published flow: the compiled machine driven as a pure reducer. Timers,
 * activities and step records are the workflow's to carry out (DESIGN.md §6).
 */
export async function flowRun(args: FlowRunArgs): Promise<FlowRunResult> {
  const machine = hydrateMachine(args.machine);
  const stepper = createMachineStepper(machine);
  const now = () => new Date(Date.now()).toISOString();
  const journal = createStepJournal(args, (record) => progress.record(record));
  const timers = createRunTimers(args.resume?.timers);
  const inbox = createEventInbox();
  const hangup = createCallHangup(args.callQueue);
  const activities = createNodeActivities({ args, journal, hangup, deliver: inbox.push });
  let status: RunStatus = 'running';
  let snapshot: AnyMachineSnapshot;
  // A person's messages the run could not take when they came, in order (conversation-handover.ts).
  const held: FlowEvent[] = [];
  const heldTakeable = (): QueuedEvent | undefined =>
    held.length > 0 && snapshot.can(held[0]!)
      ? { event: { ...held.shift()!, type: 'message' }, external: true }
      : undefined;

  const context = (): RunContext => snapshot.context;
  const currentNodes = () => {
    const value = snapshot.value;
    const ids = typeof value === 'string' ? [value] : Object.keys(value);
    return ids.filter((id) => !finalStates.has(id));
  };
  const fault = (): RunFault | undefined => context().error ?? hangup.fault;
  const ended = () => snapshot.status === 'done' || fault() !== undefined || hangup.abandoned;
  const whyEnded = () => `The run has already ${status === 'failed' ? 'failed' : 'finished'}`;
  const cannotTake = (type: string) =>
    `The run is at ${currentNodes().join(', ') || 'no node'} and cannot take "${type}" now`;
  const runState = (): RunState => ({
    status,
    value: snapshot.value,
    currentNodes: status === 'completed' || status === 'failed' ? [] : currentNodes(),
    context: snapshot.context,
    ...(fault() ? { error: fault() } : {}),
  });
  const report = (ending: boolean) =>
    journal.report(
      { status, currentNodes: currentNodes(), output: context().output, error: fault() },
      ending,
    );

  const targets = { journal, activities, timers, context, now };
  const carryOut = (actions: readonly ExecutableAction[]) => carryOutCommands(planCommands(actions), targets);

  setRunHandlers({
    test: args.test === true,
    inbox,
    timers,
    hangup,
    state: runState,
    ended: () => (ended() ? whyEnded() : undefined),
    refusal: (event: FlowEvent) => (snapshot.can(event) ? undefined : cannotTake(event.type)),
  });

  if (args.resume) {
    snapshot = machine.resolveState(args.resume.snapshot as never);
    // An instant run handed over: what its last step left for the workflow to carry out.
    if (args.resume.commands) carryOutCommands(args.resume.commands, targets);
    for (const event of args.resume.events ?? []) inbox.push({ event });
  } else {
    const [first, actions] = stepper.initial({ input: args.input, run: args.run });
    snapshot = first;
    carryOut(actions);
  }
  // Messages the conversation's previous run did not take, or this run held when it continued.
  for (const event of args.events ?? [])
    inbox.push({ event: { ...event, type: event.type }, external: true });
  // After the first step: a webhook's update comes with the start and reads the run's context.
  setHttpAnswerHandler({
    context,
    ended: () =>
      ended()
        ? { status: fault() ? 'failed' : 'completed', ...(fault() ? { error: fault() } : {}) }
        : undefined,
  });

  // Its first step's activities are already under way: noting it delays nothing the person sees.
  if (args.handedOver && !args.resume) await noteConversationRunStarted(args.runId);

  try {
    for (;;) {
      while (!ended()) {
        const fromHeld = heldTakeable();
        const next = fromHeld ?? inbox.shift();
        if (!next) break;
        inbox.idle = false;
        const takes = snapshot.can(next.event);
        if (next.ticket && next.external && !takes && refusesUntakenEvents()) {
          inbox.refuse(next.ticket, cannotTake(next.event.type));
          continue;
        }
        // Behind messages held before it, or not takeable now: held, in the order they came.
        if (!fromHeld && isPersonMessage(next) && (held.length > 0 || !takes) && holdsUntakenMessages()) {
          held.push(next.event);
          continue;
        }
        const [after, actions] = stepper.next(snapshot, next.event);
        // A signal the run cannot take now changes nothing, so it is not part of the run's story.
        if (next.external && takes) journal.recordEvent(next.event.type, next.event.data, now());
        snapshot = after;
        carryOut(actions);
        if (next.ticket) inbox.taken(next.ticket);
      }
      if (ended()) break;
      for (const event of timers.takeDue()) inbox.push({ event });
      if (inbox.size > 0) continue;

      status = activities.size === 0 ? 'waiting' : 'running';
      // At rest, waiting for something that is not a message (an agent who took the
      // conversation over, a timer): what the person wrote meanwhile was for that, as before
      // messages were held. It stays recorded; it neither waits for a later question nor starts
      // the next run. Only a run busy sending or ending keeps what it could not take yet.
      if (status === 'waiting') held.length = 0;
      report(false);
      if (inbox.size > 0) continue;
      inbox.idle = activities.size === 0;
      const info = workflowInfo();
      if (inbox.idle && (info.continueAsNewSuggested || info.historyLength > (args.historyLimit ?? 20_000))) {
        await condition(allHandlersFinished);
        await continueAsNew<typeof flowRun>({
          ...args,
          // At rest it holds nothing; what it was started with was taken or let go.
          events: [],
          resume: {
            snapshot: machine.getPersistedSnapshot(snapshot),
            timers: timers.pending(),
            ...journal.resumeState(),
          },
        });
      }
      await timers.sleep(() => inbox.size > 0 || hangup.abandoned);
    }
  } catch (error) {
    if (!isCancellation(error)) throw error;
    status = 'cancelled';
    const leftAt = now();
    journal.closeAll((step) => {
      step.leftAt = leftAt;
    });
    report(true);
    throw error;
  }

  activities.stopAll();
  if (hangup.abandoned) hangup.end(currentNodes()[0]);
  status = hangup.abandoned
    ? 'abandoned'
    : fault() || String(snapshot.value) === '__failed'
      ? 'failed'
      : 'completed';
  const ending = now();
  journal.closeAll((step) => {
    step.leftAt = ending;
    step.output = context().nodes[step.nodeId]?.output;
    if (status === 'failed' && fault()?.nodeId === step.nodeId) step.error = fault();
    if (hangup.abandoned) step.error = hangup.stepError(step.nodeId);
  });
  report(true);
  // Events still queued when the run ended were never applied: their senders hear so.
  const left = inbox.close(() => (refusesUntakenEvents() ? whyEnded() : undefined));
  const untaken = (queued: QueuedEvent[]) => queued.filter(isPersonMessage).map((q) => q.event);
  const messagesLeft = [...held, ...untaken(left)];
  if (messagesLeft.length > 0 && handsOverMessages(args) && holdsUntakenMessages())
    await handOverConversation(args, messagesLeft, () => untaken(inbox.close(() => undefined)));
  // Only wait when an update is still running: every promise a workflow creates costs a stack
  // capture in the SDK, and most runs end with nothing in flight.
  if (!allHandlersFinished()) await condition(allHandlersFinished);
  const error = fault();
  return {
    status,
    ...(context().output !== undefined ? { output: context().output } : {}),
    ...(error ? { error } : {}),
  };
}

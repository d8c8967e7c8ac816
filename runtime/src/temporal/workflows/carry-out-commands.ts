import { workflowInfo } from '@temporalio/workflow';
import type { RunContext } from '../../machine/index.ts';
import type { NodeActivities } from './node-activities.ts';
import type { RunCommand } from './plan-commands.ts';
import type { RunTimers } from './run-timers.ts';
import type { StepJournal } from './step-journal.ts';

export interface CommandTargets {
  journal: StepJournal;
  activities: NodeActivities;
  timers: RunTimers;
  /** The machine's context after the step that returned the commands. */
  context(): RunContext;
  now(): string;
}

/** The execute half of a machine step: each command, in order, against the run's parts. */
export function carryOutCommands(commands: readonly RunCommand[], targets: CommandTargets): void {
  const { journal, activities, timers, context, now } = targets;
  for (const command of commands) {
    switch (command.type) {
      case 'openStep': {
        const info = workflowInfo();
        journal.open(command.nodeId, command.nodeType, {
          enteredAt: now(),
          temporalRunId: info.runId,
          wft: info.historyLength,
        });
        break;
      }
      case 'closeStep':
        journal.close(command.nodeId, command.port, now(), (nodeId) => context().nodes[nodeId]?.output);
        break;
      case 'startActivity': {
        // What the node's templates see, as it is when the activity starts.
        const { input, vars, nodes, run } = context();
        activities.start(command.id, command.request, { input, vars, nodes, run });
        break;
      }
      case 'stopActivity':
        activities.stop(command.id);
        break;
      case 'startTimer':
        timers.start(command.id, command.event, command.delayMs);
        break;
      case 'cancelTimer':
        timers.cancel(command.id);
        break;
    }
  }
}

import type { ActionParams, GuardParams } from './instruction-params.ts';
import type { RunContext, RunEvent } from './run-context.ts';

/** What an instruction sees: the run's context and the event being handled. */
export interface InstructionArgs {
  context: RunContext;
  event: RunEvent;
}

/** An action's effect: the part of the context it replaces. Pure, so a replay decides the same. */
export type ContextUpdate<P> = (args: InstructionArgs, params: P) => Partial<RunContext>;
export type GuardCheck<P> = (args: InstructionArgs, params: P) => boolean;

/** Actions the workflow reads from the action list itself instead of running them. */
export const stepMarkers = ['enterNode', 'leaveNode'] as const;
export type StepMarker = (typeof stepMarkers)[number];
export type ContextActionName = Exclude<keyof ActionParams, StepMarker>;

/** Some instructions with their params typed: the core set, or a node's own (message.ask's). */
export interface Instructions<A extends ContextActionName = never, G extends keyof GuardParams = never> {
  actions: { [K in A]: ContextUpdate<ActionParams[K]> };
  guards: { [K in G]: GuardCheck<GuardParams[K]> };
}

/** The whole set a machine runs with: every action and guard `ActionParams`/`GuardParams` name. */
export type InstructionSet = Instructions<ContextActionName, keyof GuardParams>;

/** Declares instructions, typed by their names' entries in `ActionParams` / `GuardParams`. */
export function defineInstructions<A extends ContextActionName = never, G extends keyof GuardParams = never>(
  instructions: Instructions<A, G>,
): Instructions<A, G> {
  return instructions;
}

/** A node's own instructions, as its definition carries them (`instructions`). */
export interface NodeInstructions {
  actions?: Partial<InstructionSet['actions']>;
  guards?: Partial<InstructionSet['guards']>;
}

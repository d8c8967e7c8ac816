import { action, guard, type ActionRef } from './instructions/instruction-params.ts';
import type { CompileContext, NodeActivityOptions, NodeInstance, StateFragment } from './types.ts';

/** State ids the compiler adds to every machine. */
export const completedState = '__completed';
export const failedState = '__failed';

/**
 * A top-level state id as seen from a node's own child states (ask, wait for the answer, ask
 * again): child states reach the flow's other nodes by absolute id.
 */
export function fromChildState(target: string): string;
export function fromChildState(target: string | undefined): string | undefined;
export function fromChildState(target: string | undefined): string | undefined {
  if (target === undefined) return undefined;
  return target.startsWith('#') ? target : `#flow.${target}`;
}

/**
 * The context a node's `compile` receives. `targets` maps each wired port to the state it leads
 * to; an unwired optional port ends the run as completed.
 */
export function createCompileContext(
  node: NodeInstance<unknown>,
  targets: ReadonlyMap<string, string>,
  activityOptions?: NodeActivityOptions,
  followers?: ReadonlyMap<string, NodeInstance<unknown>>,
): CompileContext {
  const target = (port: string) => targets.get(port) ?? completedState;
  const leave = (port: string): ActionRef => action('leaveNode', { nodeId: node.id, port });
  return {
    nodeId: node.id,
    target,
    leave,
    follower: (port) => followers?.get(port),
    runActivity({ ports, errorPort, next }): StateFragment {
      // An unwired error port means nobody said what happens then: the run fails at this node,
      // which is what operations can see, fix and retry.
      const handled = errorPort !== undefined && targets.has(errorPort);
      const failure = handled
        ? {
            target: target(errorPort),
            actions: [action('saveError', { nodeId: node.id }), leave(errorPort)],
          }
        : {
            target: failedState,
            actions: [action('fail', { nodeId: node.id, code: 'NODE_FAILED' })],
          };
      return {
        invoke: {
          id: node.id,
          src: 'runNode',
          input: {
            nodeId: node.id,
            nodeType: node.type,
            version: node.version,
            config: node.config,
            options: activityOptions ?? { startToCloseTimeout: '1m' },
            ...(next && Object.keys(next).length > 0 ? { next } : {}),
          },
          onDone: ports.map((port) =>
            port === errorPort && !handled
              ? {
                  guard: guard('portIs', { port }),
                  target: failedState,
                  actions: [
                    action('saveOutput', { nodeId: node.id }),
                    action('fail', { nodeId: node.id, code: 'NODE_FAILED' }),
                  ],
                }
              : {
                  guard: guard('portIs', { port }),
                  target: target(port),
                  actions: [action('saveOutput', { nodeId: node.id }), leave(port)],
                },
          ),
          onError: failure,
        },
      };
    },
  };
}

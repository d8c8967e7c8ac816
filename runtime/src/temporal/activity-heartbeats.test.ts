import { MockActivityEnvironment } from '@temporalio/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createNodeRegistry, defineNode } from '@omniflow/nodes/sdk';
import { createActivities } from './activities.ts';

/** A node that works for `ms` milliseconds, like a voicemail being left. */
const slowNode = (type: string, heartbeatTimeout?: string) =>
  defineNode({
    type,
    version: 1,
    title: { en: 'Slow', es: 'Lento' },
    description: { en: 'Takes its time.', es: 'Se toma su tiempo.' },
    category: 'flow',
    icon: 'clock',
    ports: ['next'],
    config: z.object({ ms: z.number() }),
    compile: (_node, ctx) => ctx.runActivity({ ports: ['next'] }),
    activity: {
      options: { startToCloseTimeout: '1m', ...(heartbeatTimeout ? { heartbeatTimeout } : {}) },
      output: z.object({}),
      async run(config) {
        await new Promise((resolve) => setTimeout(resolve, config.ms));
        return { port: 'next', output: {} };
      },
    },
  });

async function heartbeatsWhileRunning(type: string, heartbeatTimeoutMs?: number) {
  const activities = createActivities({
    registry: createNodeRegistry([slowNode('test.slow-heartbeat', '3s'), slowNode('test.slow')]),
    env: {},
  });
  // The workflow schedules the activity with the node's heartbeat timeout; the info carries it.
  const environment = new MockActivityEnvironment(heartbeatTimeoutMs ? { heartbeatTimeoutMs } : {});
  let beats = 0;
  environment.on('heartbeat', () => beats++);
  const result = await environment.run(activities.executeNode, {
    runId: 'run-1',
    nodeId: 'slow',
    nodeType: type,
    version: 1,
    config: { ms: 2300 },
    scope: { input: {}, vars: {}, nodes: {}, run: {} },
    idempotencyKey: 'run-1:slow:1',
  });
  // None after the node is done: the timer must not outlive the activity.
  const atEnd = beats;
  await new Promise((resolve) => setTimeout(resolve, 1200));
  return { result, beats: atEnd, after: beats - atEnd };
}

describe('node activities with a heartbeat timeout', () => {
  it('heartbeat a third of the timeout apart while the node runs, and stop when it ends', async () => {
    const { result, beats, after } = await heartbeatsWhileRunning('test.slow-heartbeat', 3000);
    expect(result).toMatchObject({ port: 'next' });
    expect(beats).toBe(2);
    expect(after).toBe(0);
  });

  it('do not heartbeat for a node that asks for no heartbeat timeout', async () => {
    expect((await heartbeatsWhileRunning('test.slow')).beats).toBe(0);
  });
});

import { readFileSync, readdirSync } from 'node:fs';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { workflowBundle } from '../src/worker/workflow-bundle.ts';

// Histories flowRun recorded before it was split into parts and before updates it could no
// longer take were refused (commit f4b1671): runs in flight across an upgrade must go on
// replaying. `activity-loop-events-dropped` holds 22 accepted updates of which 12 were applied.
// `conversation-message-untaken`: a person's message signalled while the run was at an HTTP step,
// let go before messages were held and handed to the conversation's next run.
const dir = new URL('./fixtures/histories/', import.meta.url);
const histories = readdirSync(dir)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map(
    (file) => [file.replace(/\.json$/, ''), JSON.parse(readFileSync(new URL(file, dir), 'utf8'))] as const,
  );

describe('histories recorded by earlier flowRun code', () => {
  it('has the recorded histories', () => {
    expect(histories.map(([name]) => name)).toEqual([
      'activity-loop-events-dropped',
      'approval-concurrent-events',
      'approval-no-wait',
      'cancelled-while-waiting',
      'continued-as-new-first',
      'continued-as-new-last',
      'conversation-message-untaken',
    ]);
  });

  it.each(histories)('replays %s on the current code', async (name, json) => {
    const history = temporal.api.history.v1.History.fromObject(json);
    await expect(
      Worker.runReplayHistory(
        {
          workflowBundle: await workflowBundle(),
          replayName: `replay-${name}`,
          sinks: { progress: { record: { fn: () => {} } } },
        },
        history,
        `replay-${name}`,
      ),
    ).resolves.toBeUndefined();
  });
});

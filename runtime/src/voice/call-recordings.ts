import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '@omniflow/db';
import type { NodeRecordings } from '@omniflow/nodes/sdk';
import type { RecordingStore } from '../recordings/recording-store.ts';
import { saveRecording } from '../recordings/save-recording.ts';
import type { CallRegistry } from './call-registry.ts';

/**
 * Recordings voice nodes make, filed under their call record, run, flow and node. The driver
 * writes into a scratch folder on this machine; saving copies the WAV into the store (within
 * the quota) and removes the scratch file either way, so scratch never fills the disk.
 */
export interface CallRecordings {
  forStep(step: { runId: string; nodeId: string; idempotencyKey: string }): NodeRecordings;
}

export function createCallRecordings(deps: {
  db: Db;
  store: RecordingStore;
  calls: CallRegistry;
  scratchDir: string;
}): CallRecordings {
  return {
    forStep(step: { runId: string; nodeId: string; idempotencyKey: string }): NodeRecordings {
      return {
        scratchPath: () => join(deps.scratchDir, `${randomUUID()}.wav`),
        async save({ callId, file, durationMs }) {
          try {
            const call = deps.calls.contextOf(callId);
            const row = await saveRecording(
              { db: deps.db, store: deps.store },
              {
                workspaceId: call.workspaceId,
                file,
                from: call.from,
                to: call.to,
                callRecordId: call.callRecordId,
                runId: step.runId,
                flowId: call.flowId,
                nodeId: step.nodeId,
                durationMs,
                idempotencyKey: step.idempotencyKey,
              },
            );
            return { recordingId: row.id };
          } finally {
            await rm(file, { force: true });
          }
        },
      };
    },
  };
}

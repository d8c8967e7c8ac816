import { mkdtempSync, existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tone } from '../drivers/voice/sip/tones.ts';
import { compileNode, runNodeActivity, testScope } from '../sdk/testing.ts';
import type { NodeRecordings } from '../sdk/types.ts';
import { callInput, ScriptedCall } from './scripted-call.ts';
import { voiceRecord } from './record.node.ts';

const scratch = mkdtempSync(join(tmpdir(), 'omniflow-record-node-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** Keeps what would be stored; the real store is tested in the runtime (save-recording, sipp). */
function recordingsKept() {
  const saved: Array<{ callId: string; file: string; durationMs: number; existed: boolean }> = [];
  let next = 0;
  const recordings: NodeRecordings = {
    scratchPath: () => join(scratch, `${next++}.wav`),
    async save(recording) {
      saved.push({ ...recording, existed: existsSync(recording.file) });
      return { recordingId: `rec-${saved.length}` };
    },
  };
  return { saved, recordings };
}

function run(call: ScriptedCall, config: object, recordings?: NodeRecordings) {
  return runNodeActivity(voiceRecord, config, {
    scope: testScope({ input: callInput }),
    voice: call.voice(),
    ...(recordings ? { recordings } : {}),
  });
}

describe('voice.record', () => {
  it('records a voicemail with beep and finish key and reports it is not silent', async () => {
    const call = new ScriptedCall();
    call.recordAudio = tone(440, 2000);
    call.recordReason = 'finish-key';
    const { saved, recordings } = recordingsKept();
    const result = await run(call, { maxLength: 'PT1M' }, recordings);
    expect(result).toEqual({
      port: 'next',
      output: { recordingId: 'rec-1', durationMs: 2000, reason: 'finish-key', silent: false },
    });
    expect(call.records[0]).toMatchObject({ maxLengthMs: 60_000, beep: true, finishOnKey: '#' });
    expect(saved).toEqual([expect.objectContaining({ callId: 'call-1', durationMs: 2000, existed: true })]);
  });

  it('keeps a silent message and says so', async () => {
    const call = new ScriptedCall();
    const { recordings } = recordingsKept();
    const result = await run(call, { beep: false, finishOnKey: '' }, recordings);
    expect(result.output).toMatchObject({ silent: true, recordingId: 'rec-1' });
    expect(call.records[0]).not.toHaveProperty('finishOnKey');
  });

  it('saves the message before failing with CALLER_HUNG_UP when the caller hangs up during it', async () => {
    const call = new ScriptedCall();
    call.recordAudio = tone(440, 1500);
    call.recordReason = 'hangup';
    const { saved, recordings } = recordingsKept();
    await expect(run(call, {}, recordings)).rejects.toMatchObject({ code: 'CALLER_HUNG_UP' });
    expect(saved).toHaveLength(1);
  });

  it('starts a whole-call recording, goes on at once and saves it when the call ends', async () => {
    const call = new ScriptedCall();
    call.recordAudio = tone(440, 3000);
    const { saved, recordings } = recordingsKept();
    const result = await run(call, { mode: 'whole-call' }, recordings);
    expect(result).toEqual({
      port: 'next',
      output: { recordingId: null, durationMs: 0, reason: 'started', silent: false },
    });
    expect(saved).toEqual([]);
    call.callerHangsUp();
    await expect.poll(() => saved.length).toBe(1);
    expect(saved[0]).toMatchObject({ durationMs: 3000 });
  });

  it('fails with RECORDINGS_NOT_CONFIGURED on a worker that cannot store recordings', async () => {
    await expect(run(new ScriptedCall(), {})).rejects.toMatchObject({ code: 'RECORDINGS_NOT_CONFIGURED' });
  });

  it('refuses a message longer than 30 minutes and an unknown mode', () => {
    expect(voiceRecord.config.safeParse({ maxLength: 'PT31M' }).success).toBe(false);
    expect(voiceRecord.config.safeParse({ mode: 'both' }).success).toBe(false);
  });

  it('asks the runtime for heartbeats, so a dead call process is noticed', () => {
    const fragment = compileNode(voiceRecord, {}, { next: 'after' }, 'record');
    expect(fragment.invoke?.input).toMatchObject({
      options: { queue: 'call', heartbeatTimeout: '30s', startToCloseTimeout: '1h' },
    });
  });
});

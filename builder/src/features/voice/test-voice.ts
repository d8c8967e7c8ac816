import type { CallRecord, Recording, RecordingsUsage } from '../../api/types.ts';

export const flowId = '01900000-0000-7000-8000-0000000000f1';

export function testCall(overrides: Partial<CallRecord> = {}): CallRecord {
  return {
    id: 'c1',
    callId: 'sip-1',
    driver: 'sip',
    runId: 'r1',
    flowId,
    from: '+34600111222',
    to: '900100200',
    startedAt: '2030-03-01T10:00:00.000Z',
    answeredAt: '2030-03-01T10:00:02.000Z',
    endedAt: '2030-03-01T10:01:32.000Z',
    durationMs: 90_000,
    path: ['start', 'menu', 'sales'],
    digits: [{ nodeId: 'menu', digits: '1' }],
    hangupSide: 'caller',
    ...overrides,
  };
}

export function testRecording(overrides: Partial<Recording> = {}): Recording {
  const id = overrides.id ?? 'rec1';
  return {
    id,
    callRecordId: 'c1',
    runId: 'r1',
    flowId,
    nodeId: 'voicemail',
    from: '+34600111222',
    to: '900100200',
    contentType: 'audio/wav',
    bytes: 32_044,
    durationMs: 2000,
    createdAt: '2030-03-01T10:01:00.000Z',
    audioUrl: `/api/v1/recordings/${id}/audio`,
    ...overrides,
  };
}

export function testUsage(overrides: Partial<RecordingsUsage> = {}): RecordingsUsage {
  return {
    store: 'filesystem',
    bytes: 64_088,
    quotaBytes: 250_000_000_000,
    percent: 0,
    warning: false,
    full: false,
    count: 2,
    ...overrides,
  };
}

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inject } from 'vitest';
import { callerMediaPackets, writeRtpPcap } from '@omniflow/nodes/drivers/voice/testing';
import { loadRegistry } from '../../src/server/load-registry.ts';
import { startVoiceEndpoint, type VoiceEndpoint, type VoiceEndpointDeps } from '../../src/voice/index.ts';
import type { TestOmniflow } from './test-omniflow.ts';

/**
 * The SIP endpoint on a free port beside a test Omniflow, with its own 1000 RTP ports from
 * `rtpPortMin` (test files run at once; the pool skips ports another file holds) and prompts
 * cached under `work`.
 */
export async function startTestVoiceEndpoint(
  omni: TestOmniflow,
  work: string,
  rtpPortMin: number,
  more: Partial<Pick<VoiceEndpointDeps, 'recordingStore' | 'recordingScratchDir'>> & {
    promptDir?: string;
  } = {},
): Promise<VoiceEndpoint> {
  const { promptDir = join(work, 'prompts'), ...recordings } = more;
  return startVoiceEndpoint({
    db: omni.handle.db,
    temporal: omni.temporal,
    address: inject('temporalAddress'),
    taskQueue: omni.taskQueue,
    registry: await loadRegistry({}),
    ...recordings,
    settings: { sip: { port: 0, rtpPortMin, rtpPortMax: rtpPortMin + 999 }, promptDir },
  });
}

/**
 * A folder for one sipp caller, holding the audio its scenario replays (`caller-audio.pcap`):
 * a tone, then `digits` as RFC 4733 events from `digitsAtMs`.
 */
export async function callerAudioDir(dir: string, digits: string, digitsAtMs: number, toneMs: number) {
  await mkdir(dir, { recursive: true });
  const packets = callerMediaPackets({ digits, digitsAtMs, telephoneEventPayloadType: 101, toneMs });
  await writeFile(join(dir, 'caller-audio.pcap'), writeRtpPcap(packets));
  return dir;
}

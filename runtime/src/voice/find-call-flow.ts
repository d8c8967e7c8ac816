import type { Db } from '@omniflow/db';
import { answersCall, voiceInboundCall } from '@omniflow/nodes';
import { triggeredVersion } from '../runs/triggered-version.ts';

/**
 * The newest published version of a flow whose `voice.inbound-call` trigger answers `to`. The
 * SIP endpoint is one per install, so without a workspace every workspace's flows are looked at:
 * a dialled number should belong to one flow, and if two claim it the one published last wins.
 * A provider's webhook names its workspace, and only that workspace's flows answer it.
 */
export function findCallFlow(db: Db, to: string, workspaceId?: string) {
  return triggeredVersion(db, workspaceId, voiceInboundCall, (config) => answersCall(config, to));
}

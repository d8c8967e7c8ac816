import type { FlowDocument } from '../../api/types.ts';

/** A flow people call: its trigger (the named one, else the first node) is an incoming call. */
export function isVoiceFlow(doc: FlowDocument): boolean {
  const trigger = doc.nodes.find((n) => n.id === doc.trigger?.node) ?? doc.nodes[0];
  return trigger?.type === 'voice.inbound-call';
}

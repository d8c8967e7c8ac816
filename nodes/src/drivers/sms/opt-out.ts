// Keywords a person texts to stop or restart SMS from us. Only a message that is nothing but the
// keyword counts: "no me des de baja" is a conversation, not an opt-out.
export type OptKeyword = 'opt-out' | 'opt-in';

const keywords = new Map<string, OptKeyword>([
  ['STOP', 'opt-out'],
  ['BAJA', 'opt-out'],
  ['UNSUBSCRIBE', 'opt-out'],
  ['CANCELAR', 'opt-out'],
  ['FIN', 'opt-out'],
  ['START', 'opt-in'],
  ['ALTA', 'opt-in'],
  ['UNSTOP', 'opt-in'],
  ['SUBSCRIBE', 'opt-in'],
]);

/** Whether an inbound SMS is an opt-out or opt-in keyword; null for anything else. */
export function classifyOptKeyword(text: string | undefined): OptKeyword | null {
  if (!text) return null;
  const word = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    // People type "Stop." or "¡Baja!": surrounding punctuation does not change what they mean.
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '')
    .toUpperCase();
  return keywords.get(word) ?? null;
}

import type { HangupSide } from '../../api/types.ts';
import type { MessageKey } from '../../i18n/catalog.ts';

/** Who ended a call, as a catalog key; a call with no side yet is still on the line. */
export function hangupSideKey(side: HangupSide | null): MessageKey {
  return side ? `voice.hangup.${side}` : 'voice.hangup.none';
}

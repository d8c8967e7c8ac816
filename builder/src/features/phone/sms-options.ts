import type { MessageButton } from '../../api/message-body.ts';

export interface SmsOption {
  /** What the person texts back to pick it ("2" picks the second). */
  reply: string;
  /** How the SMS shows it: "1. Sí". */
  label: string;
}

/** SMS has no buttons: the SMS driver turns them into numbered lines, in order, from 1. */
export function smsOptions(buttons: readonly MessageButton[]): SmsOption[] {
  return buttons.map((button, i) => ({ reply: String(i + 1), label: `${i + 1}. ${button.title}` }));
}

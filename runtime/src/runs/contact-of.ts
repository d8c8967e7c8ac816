import { normalizeContact } from './run-filter.ts';

// Trigger inputs name the person in different ways depending on the channel that started the run.
const contactFields = ['contact', 'phone', 'email', 'from', 'to'] as const;

/** Who a run is about, from its trigger input: the first contact-like string field. */
export function contactOf(input: Record<string, unknown>): string | null {
  for (const field of contactFields) {
    const value = input[field];
    if (typeof value === 'string' && value.trim() !== '') return normalizeContact(value);
  }
  return null;
}

export const minRetentionDays = 1;
export const maxRetentionDays = 3650;

/** The retention a person typed, or null when it is not a whole number of days from 1 to 3650. */
export function parseRetentionDays(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const days = Number(text);
  return days >= minRetentionDays && days <= maxRetentionDays ? days : null;
}

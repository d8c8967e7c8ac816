/** The availability target as typed (a decimal comma or point), or null outside 50–100. */
export function parseSlaTargetPercent(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,3}([.,]\d{1,3})?$/.test(trimmed)) return null;
  const value = Number(trimmed.replace(',', '.'));
  return value >= 50 && value <= 100 ? value : null;
}

/** The target written for the reader: 99.8 in English, 99,8 in Spanish. */
export const formatSlaTargetPercent = (value: number, locale: string) =>
  value.toLocaleString(locale, { maximumFractionDigits: 3, useGrouping: false });

// Decimal units, as disks and the default quota (250 GB = 250 000 000 000 bytes) are sold.
const units = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** A size as people read it: `812 B`, `1.5 MB`, `250 GB`; the number follows the locale. */
export function formatBytes(bytes: number, locale: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

export const quotaUnits = { MB: 1e6, GB: 1e9, TB: 1e12 } as const;
export type QuotaUnit = keyof typeof quotaUnits;

/**
 * A quota typed as a number of MB, GB or TB (a comma or a point for decimals) in bytes; null when
 * it is not a number, is negative, or is smaller than a byte.
 */
export function parseQuota(text: string, unit: QuotaUnit): number | null {
  const normalized = text.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(normalized)) return null;
  const bytes = Math.round(Number(normalized) * quotaUnits[unit]);
  return Number.isSafeInteger(bytes) ? bytes : null;
}

/** The largest unit in which a quota is a whole-ish number, to show it back in the form. */
export function quotaInUnit(bytes: number): { value: string; unit: QuotaUnit } {
  const unit: QuotaUnit = bytes >= 1e12 ? 'TB' : bytes >= 1e9 ? 'GB' : 'MB';
  return { value: String(Math.round((bytes / quotaUnits[unit]) * 1000) / 1000), unit };
}

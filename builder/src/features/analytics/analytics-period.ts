export type PeriodPreset = '1' | '7' | '30' | '90' | 'custom';
export const periodPresets: PeriodPreset[] = ['1', '7', '30', '90', 'custom'];

export interface PeriodChoice {
  preset: PeriodPreset;
  /** yyyy-mm-dd in the reader's own timezone, for `custom`. */
  fromDate: string;
  toDate: string;
}

const dayMs = 86_400_000;

/** Midnight starting a yyyy-mm-dd day where the reader is. */
const localMidnight = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y!, m! - 1, d!);
};

/**
 * The instants the API takes for a choice, read at `now` (a preset slides with time). A custom
 * period runs from the first day's midnight to the midnight after the last day, so "to" includes
 * the day chosen; undefined when the dates are missing or backwards.
 */
export function periodRange(choice: PeriodChoice, now: Date): { from: string; to: string } | undefined {
  if (choice.preset !== 'custom')
    return {
      from: new Date(now.getTime() - Number(choice.preset) * dayMs).toISOString(),
      to: now.toISOString(),
    };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(choice.fromDate) || !/^\d{4}-\d{2}-\d{2}$/.test(choice.toDate))
    return undefined;
  const from = localMidnight(choice.fromDate);
  const to = new Date(localMidnight(choice.toDate).getTime() + dayMs);
  return from < to ? { from: from.toISOString(), to: to.toISOString() } : undefined;
}

/** yyyy-mm-dd of a moment where the reader is. */
export function localDate(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

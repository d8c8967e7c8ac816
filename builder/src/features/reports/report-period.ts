/** The period presets the page offers; `custom` takes the two dates typed. */
export const periodPresets = ['today', '7d', '30d', 'month', 'lastMonth', 'custom'] as const;
export type PeriodPreset = (typeof periodPresets)[number];

const startOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate());
const addDays = (d: Date, n: number) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);

/** A `yyyy-mm-dd` of the local calendar (what a date input shows). */
export function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The instants a preset means, in the person's own calendar: whole days from midnight, `to`
 * exclusive (tomorrow's midnight for "today"). A custom period's `to` is the last day included.
 */
export function periodRange(
  preset: PeriodPreset,
  now: Date,
  custom: { from: string; to: string },
): { from: string; to: string } | null {
  const today = startOfDay(now);
  const range = (from: Date, to: Date) => ({ from: from.toISOString(), to: to.toISOString() });
  switch (preset) {
    case 'today':
      return range(today, addDays(today, 1));
    case '7d':
      return range(addDays(today, -6), addDays(today, 1));
    case '30d':
      return range(addDays(today, -29), addDays(today, 1));
    case 'month':
      return range(new Date(today.getFullYear(), today.getMonth(), 1), addDays(today, 1));
    case 'lastMonth':
      return range(
        new Date(today.getFullYear(), today.getMonth() - 1, 1),
        new Date(today.getFullYear(), today.getMonth(), 1),
      );
    case 'custom': {
      const from = /^\d{4}-\d{2}-\d{2}$/.test(custom.from) ? new Date(`${custom.from}T00:00:00`) : null;
      const to = /^\d{4}-\d{2}-\d{2}$/.test(custom.to) ? new Date(`${custom.to}T00:00:00`) : null;
      if (!from || !to || Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return null;
      return range(from, addDays(to, 1));
    }
  }
}

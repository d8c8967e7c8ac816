/** "Atención al cliente" → "atencion-al-cliente": what the node rules allow in a port id. */
export function slugify(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** A port id from a row's label, unique among `taken` (the other rows and the node's own ports). */
export function portIdFor(label: string, taken: ReadonlySet<string>, fallback: string): string {
  const base = slugify(label) || fallback;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export interface PortRow {
  id?: unknown;
  label?: unknown;
  [field: string]: unknown;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * The row after its label changed: the id follows the label while it is still the one made from
 * the old label and no edge leaves by it. An id someone wrote, or one an edge uses, stays.
 * `labelKey` names the row's label field (`label` in a menu, `title` in an ask's options).
 */
export function followLabel<T extends PortRow>(
  before: T,
  after: T,
  taken: ReadonlySet<string>,
  wired: ReadonlySet<string>,
  fallback: string,
  labelKey = 'label',
): T {
  const oldId = text(before.id);
  if (text(before[labelKey]) === text(after[labelKey]) || text(after.id) !== oldId) return after;
  if (oldId !== '' && wired.has(oldId)) return after;
  const generated = oldId === '' || oldId === portIdFor(text(before[labelKey]), taken, fallback);
  return generated ? { ...after, id: portIdFor(text(after[labelKey]), taken, fallback) } : after;
}

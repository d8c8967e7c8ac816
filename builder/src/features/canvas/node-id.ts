// Node ids must match the flow schema: a letter first, then letters, digits, - and _ (64 at most).
const maxBaseLength = 48;

/** The readable stem of a node id: the last segment of its type (`logic.split` → `split`). */
export function idBaseOf(type: string): string {
  const last = type.split('.').pop() ?? '';
  const cleaned = last.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, maxBaseLength);
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `node${cleaned}`.slice(0, maxBaseLength);
}

/** `base1`, `base2`, … the first one not in `taken`. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const id = `${base}${n}`;
    if (!taken.has(id)) return id;
  }
}

/** A fresh node id for a node of `type`, e.g. `set1`, `split2`. */
export function nextNodeId(type: string, taken: ReadonlySet<string>): string {
  return uniqueId(idBaseOf(type), taken);
}

/** A fresh edge id: `e1`, `e2`, … */
export function nextEdgeId(taken: ReadonlySet<string>): string {
  return uniqueId('e', taken);
}

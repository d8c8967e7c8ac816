/**
 * One round of a throughput comparison: the batch's halves go through two paths in the order
 * A B B A, A alternating between rounds, so a change of load on a shared machine during a round
 * weighs on both paths alike. Answers each path's items per second.
 */
export async function abbaRound<T, K extends string>(
  round: number,
  batch: T[],
  [first, second]: readonly [K, K],
  send: Record<K, (half: T[]) => Promise<unknown>>,
): Promise<Record<K, number>> {
  const halves = [batch.slice(0, batch.length / 2), batch.slice(batch.length / 2)];
  const [a, b] = round % 2 === 0 ? [first, second] : [second, first];
  const elapsed = new Map<K, number>([
    [first, 0],
    [second, 0],
  ]);
  for (const [i, kind] of [a, b, b, a].entries()) {
    const started = performance.now();
    await send[kind](halves[i < 2 ? 0 : 1]!);
    elapsed.set(kind, elapsed.get(kind)! + performance.now() - started);
  }
  const rate = (kind: K) => batch.length / (elapsed.get(kind)! / 1000);
  return { [first]: rate(first), [second]: rate(second) } as Record<K, number>;
}

/** Two or more nodes, all at the same position: nothing a person drew (a flow made by the API). */
export function needsLayout(doc: { nodes: { position: { x: number; y: number } }[] } | null): boolean {
  const [first, ...rest] = doc?.nodes ?? [];
  return (
    first !== undefined &&
    rest.length > 0 &&
    rest.every((n) => n.position.x === first.position.x && n.position.y === first.position.y)
  );
}

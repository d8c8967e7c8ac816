import type { FlowDocument } from '../graph/flow-schema.ts';

// Large type for a picture shown a fifth of its size in the gallery's cards.
const card = { width: 210, height: 64 };
const margin = 24;

// One colour per node family, so a picture tells a phone line from a chat bot at a glance.
const families: [prefix: string, fill: string][] = [
  ['voice.', '#e0e7ff'],
  ['message.', '#dcfce7'],
  ['conversation.', '#dcfce7'],
  ['email.', '#fef3c7'],
  ['logic.', '#f1f5f9'],
  ['flow.', '#fce7f3'],
];
const fillOf = (type: string) => families.find(([prefix]) => type.startsWith(prefix))?.[1] ?? '#f1f5f9';

const escapeXml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

/**
 * A picture of the flow drawn from its own layout (cards where the canvas puts them, wires between
 * them), written to the repository so the gallery needs no browser rendering or CDN.
 */
export function flowPreviewSvg(flow: FlowDocument, titleOf: (type: string) => string): string {
  const xs = flow.nodes.map((n) => n.position.x);
  const ys = flow.nodes.map((n) => n.position.y);
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  const width = Math.max(...xs) - minX + card.width + 2 * margin;
  const height = Math.max(...ys) - minY + card.height + 2 * margin;
  const at = new Map(
    flow.nodes.map((n) => [n.id, { x: n.position.x - minX + margin, y: n.position.y - minY + margin }]),
  );
  const wires = flow.edges.flatMap((edge) => {
    const from = at.get(edge.from.node);
    const to = at.get(edge.to.node);
    if (!from || !to) return [];
    const [x1, y1] = [from.x + card.width, from.y + card.height / 2];
    const [x2, y2] = [to.x, to.y + card.height / 2];
    const bend = Math.max(30, Math.abs(x2 - x1) / 2);
    return [
      `<path d="M${x1} ${y1} C${x1 + bend} ${y1} ${x2 - bend} ${y2} ${x2} ${y2}" fill="none" stroke="#94a3b8" stroke-width="4"/>`,
    ];
  });
  const cards = flow.nodes.map((node) => {
    const { x, y } = at.get(node.id)!;
    const text = node.label ?? titleOf(node.type);
    const shown = text.length > 15 ? `${text.slice(0, 14)}…` : text;
    return (
      `<g><rect x="${x}" y="${y}" width="${card.width}" height="${card.height}" rx="12" fill="${fillOf(node.type)}" stroke="#64748b" stroke-width="3"/>` +
      `<text x="${x + card.width / 2}" y="${y + card.height / 2 + 9}" text-anchor="middle" font-family="sans-serif" font-size="26" fill="#0f172a">${escapeXml(shown)}</text></g>`
    );
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...wires,
    ...cards,
    '</svg>',
    '',
  ].join('\n');
}

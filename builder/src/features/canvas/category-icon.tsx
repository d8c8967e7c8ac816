import type { NodeCategory } from '@omniflow/nodes/sdk';
import type { CSSProperties } from 'react';
import { iconSvg, nodeIcons } from './node-icons.ts';

const categoryLooks: Record<NodeCategory, { classes: string; ink: string }> = {
  flow: { classes: 'bg-emerald-100 text-emerald-800', ink: '#065f46' },
  logic: { classes: 'bg-violet-100 text-violet-800', ink: '#5b21b6' },
  http: { classes: 'bg-sky-100 text-sky-800', ink: '#075985' },
  messaging: { classes: 'bg-amber-100 text-amber-800', ink: '#92400e' },
  voice: { classes: 'bg-rose-100 text-rose-800', ink: '#9f1239' },
  email: { classes: 'bg-indigo-100 text-indigo-800', ink: '#3730a3' },
  data: { classes: 'bg-slate-200 text-slate-800', ink: '#1e293b' },
  ai: { classes: 'bg-teal-100 text-teal-800', ink: '#115e59' },
};
const unknownLook = { classes: 'bg-slate-100 text-slate-600', ink: '#475569' };

// The glyph is a CSS background image, not an inline <svg>: with hundreds of nodes on screen
// every inline SVG adds to the compositor's work on each pan frame (measured: about half of it).
const glyphStyles = new Map<string, CSSProperties>();

function glyphStyle(icon: string, ink: string): CSSProperties {
  const key = `${icon}|${ink}`;
  let style = glyphStyles.get(key);
  if (!style) {
    const svg = iconSvg(nodeIcons[icon]!, ink);
    style = {
      backgroundImage: `url("data:image/svg+xml,${encodeURIComponent(svg)}")`,
      backgroundRepeat: 'no-repeat',
      backgroundPosition: 'center',
    };
    glyphStyles.set(key, style);
  }
  return style;
}

/** A small decorative badge for a node: its icon on its category's colour. */
export function CategoryIcon({
  icon,
  category,
}: {
  icon: string | undefined;
  category: NodeCategory | undefined;
}) {
  const glyph = icon !== undefined && Object.hasOwn(nodeIcons, icon) ? icon : undefined;
  const look = category ? categoryLooks[category] : unknownLook;
  return (
    <span
      aria-hidden="true"
      data-icon={glyph}
      style={glyph ? glyphStyle(glyph, look.ink) : undefined}
      className={`inline-flex h-7 w-7 shrink-0 items-center justify-center rounded-md text-xs font-bold ${look.classes}`}
    >
      {glyph ? null : (category ?? '?').charAt(0).toUpperCase()}
    </span>
  );
}

import type { NodeCategory } from '@omniflow/nodes/sdk';
import type { CSSProperties } from 'react';

// No icon library ships with the builder: a few hand-drawn glyphs for the catalog's icon names,
// and the category's initial for anything else (custom nodes may name any lucide icon).
const glyphs: Record<string, string> = {
  play: 'M7 4l13 8-13 8z',
  flag: 'M5 21V4M5 4h12l-2.5 4L17 12H5',
  variable:
    'M8 4C6 4 5 5 5 7v2c0 1.5-1 2.5-2 3 1 .5 2 1.5 2 3v2c0 2 1 3 3 3M16 4c2 0 3 1 3 3v2c0 1.5 1 2.5 2 3-1 .5-2 1.5-2 3v2c0 2-1 3-3 3M9.5 9.5l5 5M14.5 9.5l-5 5',
  split: 'M3 12h6l8-6h4M9 12l8 6h4M18 3l3 3-3 3M18 15l3 3-3 3',
  timer: 'M12 21a8 8 0 100-16 8 8 0 000 16zM12 9v4l2.5 2.5M9 2h6',
  bell: 'M6 9a6 6 0 0112 0c0 6 3 8 3 8H3s3-2 3-8M10 21a2 2 0 004 0',
  globe: 'M12 21a9 9 0 100-18 9 9 0 000 18zM3 12h18M12 3c3 3.5 3 14.5 0 18M12 3c-3 3.5-3 14.5 0 18',
  send: 'M22 2L11 13M22 2l-7 20-4-9-9-4z',
  message: 'M21 12a8 8 0 01-11.6 7.1L4 21l1.9-5.4A8 8 0 1121 12z',
};

const categoryLooks: Record<NodeCategory, { classes: string; ink: string }> = {
  flow: { classes: 'bg-emerald-100 text-emerald-800', ink: '#065f46' },
  logic: { classes: 'bg-violet-100 text-violet-800', ink: '#5b21b6' },
  http: { classes: 'bg-sky-100 text-sky-800', ink: '#075985' },
  messaging: { classes: 'bg-amber-100 text-amber-800', ink: '#92400e' },
  voice: { classes: 'bg-rose-100 text-rose-800', ink: '#9f1239' },
  email: { classes: 'bg-indigo-100 text-indigo-800', ink: '#3730a3' },
  data: { classes: 'bg-slate-200 text-slate-800', ink: '#1e293b' },
};
const unknownLook = { classes: 'bg-slate-100 text-slate-600', ink: '#475569' };

// The glyph is a CSS background image, not an inline <svg>: with hundreds of nodes on screen
// every inline SVG adds to the compositor's work on each pan frame (measured: about half of it).
const glyphStyles = new Map<string, CSSProperties>();

function glyphStyle(path: string, ink: string): CSSProperties {
  const key = `${path}|${ink}`;
  let style = glyphStyles.get(key);
  if (!style) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="${ink}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="${path}"/></svg>`;
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
  const glyph = icon !== undefined && Object.hasOwn(glyphs, icon) ? glyphs[icon] : undefined;
  const look = category ? categoryLooks[category] : unknownLook;
  return (
    <span
      aria-hidden="true"
      data-icon={glyph ? icon : undefined}
      style={glyph ? glyphStyle(glyph, look.ink) : undefined}
      className={`inline-flex h-7 w-7 shrink-0 items-center justify-center rounded-md text-xs font-bold ${look.classes}`}
    >
      {glyph ? null : (category ?? '?').charAt(0).toUpperCase()}
    </span>
  );
}

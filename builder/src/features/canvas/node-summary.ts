import type { CatalogEntry } from '../../api/types.ts';
import type { Locale } from '../../i18n/catalog.ts';
import { translate } from '../../i18n/use-i18n.ts';
import { describeDuration, parseIsoDuration } from '../inspector/duration.ts';

type SummaryLine = CatalogEntry['summary'][number];
type RowsLine = Extract<SummaryLine, { rows: string }>;

/** At most this many lines on a card; more rows end in "+3 more". */
export const maxSummaryLines = 4;
/** Longer values are cut here (the card cuts them again by width; the tooltip has this much). */
const maxLineLength = 120;

interface FieldSchema {
  ui?: { optionLabels?: Record<string, { en: string; es: string }> };
  items?: { properties?: Record<string, FieldSchema> };
  properties?: Record<string, FieldSchema>;
}

/**
 * What a node's card shows of its config, in `locale`: one string per line, as the node's
 * catalog entry declares (`summary` in its definition, so custom nodes declare theirs too).
 * Lines whose value is empty are left out; the config may be half-edited, so values of the wrong
 * shape are skipped rather than trusted. How many lines come out does not depend on the
 * language, so the canvas can size the card before it knows the language (node-geometry.ts).
 */
export function nodeSummary(
  entry: CatalogEntry | undefined,
  config: Record<string, unknown>,
  locale: Locale,
): string[] {
  if (!entry) return [];
  const fields = (entry.configSchema as FieldSchema | undefined)?.properties ?? {};
  const lines: string[] = [];
  for (const line of entry.summary) {
    if ('rows' in line) lines.push(...rowLines(line, config, fields[line.rows], locale));
    else {
      const value = formatValue(config[line.field], line.as ?? 'text', fields[line.field], locale);
      if (value === '') continue;
      const before = line.before ? formatValue(config[line.before], 'text', fields[line.before], locale) : '';
      lines.push(labelled(line.label, before ? `${before} ${value}` : value, locale));
    }
  }
  const clipped = lines.map(clip);
  if (clipped.length <= maxSummaryLines) return clipped;
  const hidden = clipped.length - (maxSummaryLines - 1);
  return [
    ...clipped.slice(0, maxSummaryLines - 1),
    translate(locale, 'canvas.summary.more', { count: hidden }),
  ];
}

function rowLines(
  line: RowsLine,
  config: Record<string, unknown>,
  schema: FieldSchema | undefined,
  locale: Locale,
): string[] {
  const rows = config[line.rows];
  if (!Array.isArray(rows)) return [];
  const columns = schema?.items?.properties ?? {};
  const lines: string[] = [];
  for (const row of rows) {
    if (typeof row !== 'object' || row === null) continue;
    const record = row as Record<string, unknown>;
    const parts = line.show
      .map((shown) => (typeof shown === 'string' ? { field: shown } : shown))
      .map(({ field, as }) => formatValue(record[field], as ?? 'text', columns[field], locale))
      .filter((part) => part !== '');
    if (parts.length > 0) lines.push(labelled(line.label, parts.join(line.join ?? ' · '), locale));
  }
  return lines;
}

// `as` is a string in the catalog: a format this builder does not know (a newer custom node's) is text.
function formatValue(value: unknown, as: string, schema: FieldSchema | undefined, locale: Locale): string {
  switch (as) {
    case 'duration': {
      const parts = typeof value === 'string' ? parseIsoDuration(value) : undefined;
      return parts ? describeDuration(parts, locale) : '';
    }
    case 'host':
      return typeof value === 'string' ? hostOf(value.trim()) : '';
    case 'choice': {
      if (typeof value !== 'string' || value === '') return '';
      const label = schema?.ui?.optionLabels?.[value];
      return label ? label[locale] : value;
    }
    case 'keys':
      return isRecord(value) ? Object.keys(value).join(', ') : '';
    case 'conditions':
      return Array.isArray(value) ? conditionsText(value, schema, locale) : '';
    case 'percent':
      return typeof value === 'number'
        ? new Intl.NumberFormat(locale, { style: 'percent' }).format(value / 100)
        : '';
    default:
      return plainText(value);
  }
}

function plainText(value: unknown): string {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value))
    return value
      .filter((item): item is string | number => typeof item === 'string' || typeof item === 'number')
      .map((item) => String(item).trim())
      .filter((item) => item !== '')
      .join(', ');
  return '';
}

/** "https://api.example.com/v1/x" → "api.example.com"; a URL built by a template stays as written. */
function hostOf(url: string): string {
  try {
    const host = new URL(url).host;
    return host || url;
  } catch {
    return url.replace(/\s+/g, ' ');
  }
}

/** A split branch's conditions: "{{ input.x }} es igual a 1 · …", operators in the reader's words. */
function conditionsText(conditions: unknown[], schema: FieldSchema | undefined, locale: Locale): string {
  const operators = schema?.items?.properties?.['operator']?.ui?.optionLabels ?? {};
  return conditions
    .filter(isRecord)
    .map((condition) => {
      const operator = typeof condition['operator'] === 'string' ? condition['operator'] : '';
      const words = operators[operator]?.[locale] ?? operator;
      return [plainText(condition['left']), words, plainText(condition['right'])]
        .filter((p) => p !== '')
        .join(' ');
    })
    .filter((text) => text !== '')
    .join(' · ');
}

function labelled(label: { en: string; es: string } | undefined, value: string, locale: Locale): string {
  return label ? `${label[locale]}: ${value}` : value;
}

function clip(line: string): string {
  return line.length > maxLineLength ? `${line.slice(0, maxLineLength - 1)}…` : line;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

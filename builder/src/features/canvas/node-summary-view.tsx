import type { CatalogEntry } from '../../api/types.ts';
import { useLocale } from '../../i18n/use-i18n.ts';
import { nodeSummary } from './node-summary.ts';
import { useVoicePrompts, withPromptNames } from '../voice-prompts/use-voice-prompts.ts';

/**
 * The content of a node under its card's header (prompt, options, message, wait…), one cut-off
 * line each, so a flow reads without the inspector. Fixed line height: node-geometry.ts counts
 * on it to place the port handles below.
 */
export function NodeSummaryView({
  entry,
  config,
}: {
  entry: CatalogEntry | undefined;
  config: Record<string, unknown>;
}) {
  const locale = useLocale((s) => s.locale);
  const raw = nodeSummary(entry, config, locale);
  // A recorded prompt shows by its name, never as `prompt:<id>`.
  const prompts = useVoicePrompts(raw.some((line) => line.includes('prompt:')));
  const lines = raw.map((line) => withPromptNames(line, prompts));
  if (lines.length === 0) return null;
  return (
    <ul className="px-3 pb-2 text-xs text-slate-700" data-node-summary="">
      {lines.map((line, index) => (
        <li key={index} className="h-4 truncate leading-4" title={line}>
          {line}
        </li>
      ))}
    </ul>
  );
}

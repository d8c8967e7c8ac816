import type { FlowSummary, VoiceFilter } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { fromLocalInput, toLocalInput } from '../runs/run-filter.ts';
import { voiceRoute } from './voice-filter.ts';

const field = 'mt-1 block rounded border border-slate-300 px-2 py-1';

function text(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * Number, dates and flow of the calls or recordings search. They apply together (Enter or
 * "Search") so typing a number does not reload the list at every key.
 */
export function VoiceFilterBar({
  filter,
  flows,
  onChange,
}: {
  filter: VoiceFilter;
  flows: readonly FlowSummary[];
  onChange: (filter: VoiceFilter) => void;
}) {
  const t = useT();

  function apply(form: FormData) {
    const next: VoiceFilter = {};
    const number = text(form, 'number');
    if (number) next.number = number;
    const from = fromLocalInput(text(form, 'from') ?? '');
    if (from) next.from = from;
    const to = fromLocalInput(text(form, 'to') ?? '');
    if (to) next.to = to;
    const flowId = text(form, 'flow');
    if (flowId) next.flowId = flowId;
    onChange(next);
  }

  return (
    <form
      // A new filter from outside (back button, a link) resets the fields; so do the flows
      // arriving, or the flow select would miss its value.
      key={`${voiceRoute('calls', filter)}|${flows.length}`}
      aria-label={t('voice.filter.title')}
      onSubmit={(e) => {
        e.preventDefault();
        apply(new FormData(e.currentTarget));
      }}
      className="flex flex-wrap items-end gap-3 text-sm"
    >
      <label>
        {t('voice.filter.number')}
        <input
          name="number"
          type="search"
          placeholder={t('voice.filter.numberHint')}
          defaultValue={filter.number ?? ''}
          className={`${field} w-44 font-mono`}
        />
      </label>
      <label>
        {t('voice.filter.from')}
        <input name="from" type="datetime-local" defaultValue={toLocalInput(filter.from)} className={field} />
      </label>
      <label>
        {t('voice.filter.to')}
        <input name="to" type="datetime-local" defaultValue={toLocalInput(filter.to)} className={field} />
      </label>
      <label>
        {t('voice.filter.flow')}
        <select name="flow" defaultValue={filter.flowId ?? ''} className={`${field} w-48`}>
          <option value="">{t('voice.filter.anyFlow')}</option>
          {flows.map((flow) => (
            <option key={flow.id} value={flow.id}>
              {flow.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded bg-indigo-600 px-3 py-1 font-medium text-white">
        {t('voice.filter.apply')}
      </button>
      <button
        type="button"
        onClick={() => onChange({})}
        className="rounded border border-slate-300 bg-white px-3 py-1"
      >
        {t('voice.filter.clear')}
      </button>
    </form>
  );
}

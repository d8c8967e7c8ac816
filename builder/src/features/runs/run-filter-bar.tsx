import type { RunFilter } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { fromLocalInput, runsRoute, toLocalInput } from './run-filter.ts';

const field = 'mt-1 block rounded border border-slate-300 px-2 py-1';

function text(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * The filter fields besides status. They apply together (Enter or "Apply") so typing a phone
 * number does not reload the list, and the URL, at every key.
 */
export function RunFilterBar({
  filter,
  showVersion,
  onChange,
}: {
  filter: RunFilter;
  showVersion: boolean;
  onChange: (filter: RunFilter) => void;
}) {
  const t = useT();

  function apply(form: FormData) {
    const next: RunFilter = {};
    if (filter.flowId) next.flowId = filter.flowId;
    if (filter.status) next.status = filter.status;
    const version = Number(text(form, 'version'));
    if (showVersion && Number.isInteger(version) && version > 0) next.version = version;
    const from = fromLocalInput(text(form, 'from') ?? '');
    if (from) next.from = from;
    const to = fromLocalInput(text(form, 'to') ?? '');
    if (to) next.to = to;
    const contact = text(form, 'contact');
    if (contact) next.contact = contact;
    const nodeId = text(form, 'node');
    if (nodeId) next.nodeId = nodeId;
    onChange(next);
  }

  return (
    <form
      // A new filter from outside (back button, a chip, a badge link) resets the fields.
      key={runsRoute(filter)}
      aria-label={t('runs.filter.title')}
      onSubmit={(e) => {
        e.preventDefault();
        apply(new FormData(e.currentTarget));
      }}
      className="flex flex-wrap items-end gap-3 text-sm"
    >
      {showVersion && (
        <label>
          {t('runs.filter.version')}
          <input
            name="version"
            type="number"
            min={1}
            defaultValue={filter.version ?? ''}
            className={`${field} w-24`}
          />
        </label>
      )}
      <label>
        {t('runs.filter.from')}
        <input name="from" type="datetime-local" defaultValue={toLocalInput(filter.from)} className={field} />
      </label>
      <label>
        {t('runs.filter.to')}
        <input name="to" type="datetime-local" defaultValue={toLocalInput(filter.to)} className={field} />
      </label>
      <label>
        {t('runs.filter.contact')}
        <input
          name="contact"
          type="search"
          placeholder={t('runs.filter.contactHint')}
          defaultValue={filter.contact ?? ''}
          className={`${field} w-48`}
        />
      </label>
      <label>
        {t('runs.filter.node')}
        <input
          name="node"
          type="search"
          placeholder={t('runs.filter.nodeHint')}
          defaultValue={filter.nodeId ?? ''}
          className={`${field} w-40 font-mono`}
        />
      </label>
      <button type="submit" className="rounded bg-indigo-600 px-3 py-1 font-medium text-white">
        {t('runs.filter.apply')}
      </button>
      <button
        type="button"
        onClick={() => onChange(filter.flowId ? { flowId: filter.flowId } : {})}
        className="rounded border border-slate-300 bg-white px-3 py-1"
      >
        {t('runs.filter.clear')}
      </button>
    </form>
  );
}

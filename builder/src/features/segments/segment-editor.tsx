import { useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { RuleGroupEditor } from './rule-group-editor.tsx';
import { fromApiRules, toApiRules, type Group, type RuleOptions, type Segment } from './segment-draft.ts';
import { useLiveCount } from './use-live-count.ts';

/** A segment being written: its name and, for a rules segment, the rules with the live count. */
export function SegmentEditor({
  segment,
  options,
  onSaved,
  onDelete,
}: {
  /** A saved segment, or a new one (no id yet). */
  segment: Pick<Segment, 'name' | 'kind' | 'rules'> & { id?: string };
  options: RuleOptions;
  onSaved: (segment: Segment) => void;
  onDelete?: () => void;
}) {
  const t = useT();
  const [name, setName] = useState(segment.name);
  const [rules, setRules] = useState<Group>(() => fromApiRules(segment.rules));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [members, setMembers] = useState<number | null>(null);
  const live = useLiveCount(segment.kind === 'rules' ? rules : null);

  useEffect(() => {
    if (segment.kind !== 'static' || !segment.id) return;
    ok(client.GET('/segments/{id}/count', { params: { path: { id: segment.id } } })).then(
      ({ count }) => setMembers(count),
      () => setMembers(null),
    );
  }, [segment.id, segment.kind]);

  async function save() {
    setError(null);
    setSaved(false);
    try {
      const body = { name, ...(segment.kind === 'rules' ? { rules: toApiRules(rules) } : {}) };
      const result = segment.id
        ? await ok(client.PUT('/segments/{id}', { params: { path: { id: segment.id } }, body }))
        : await ok(client.POST('/segments', { body: { ...body, kind: segment.kind } }));
      setSaved(true);
      onSaved(result);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  return (
    <div className="space-y-4">
      <div className="flex items-end gap-3">
        <label className="flex flex-col text-sm text-slate-700">
          {t('segments.name')}
          <input
            className="mt-1 w-80 rounded border border-slate-300 px-2 py-1"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <button
          type="button"
          onClick={() => void save()}
          className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700"
        >
          {t('segments.save')}
        </button>
        {onDelete && (
          <button type="button" onClick={onDelete} className="text-sm text-red-700 hover:underline">
            {t('segments.delete')}
          </button>
        )}
        {saved && <span className="text-sm text-green-700">{t('segments.saved')}</span>}
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      {segment.kind === 'rules' ? (
        <>
          <p data-testid="live-count" aria-live="polite" className="text-base font-medium text-slate-900">
            {live.counting || live.count === null
              ? t('segments.counting')
              : t('segments.liveCount', { count: live.count.toLocaleString() })}
          </p>
          {live.problem && (
            <p role="alert" className="text-sm text-red-700">
              {live.problem}
            </p>
          )}
          <RuleGroupEditor group={rules} options={options} depth={1} onChange={setRules} />
        </>
      ) : (
        members !== null && (
          <p className="text-sm text-slate-700">
            {t('segments.listMembers', { count: members.toLocaleString() })}
          </p>
        )
      )}
    </div>
  );
}

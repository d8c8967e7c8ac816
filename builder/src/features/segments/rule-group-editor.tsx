import { useT } from '../../i18n/use-i18n.ts';
import { ConditionEditor } from './condition-editor.tsx';
import { conditionFor, maxDepth, type Group, type Rule, type RuleOptions } from './segment-draft.ts';

/** A group of conditions joined by "all" (AND) or "any" (OR), with groups inside it. */
export function RuleGroupEditor({
  group,
  options,
  depth,
  onChange,
  onRemove,
}: {
  group: Group;
  options: RuleOptions;
  depth: number;
  onChange: (next: Group) => void;
  onRemove?: () => void;
}) {
  const t = useT();
  const setRule = (index: number, next: Rule | undefined) =>
    onChange({
      ...group,
      rules: next
        ? group.rules.map((r, i) => (i === index ? next : r))
        : group.rules.filter((_, i) => i !== index),
    });
  return (
    <section
      className={`space-y-2 rounded border p-3 ${depth === 1 ? 'border-slate-200 bg-white' : 'border-indigo-200 bg-indigo-50/40'}`}
    >
      <div className="flex items-center gap-2">
        <select
          aria-label={t('segments.operator')}
          className="rounded border border-slate-300 bg-white px-2 py-1 text-sm font-medium"
          value={group.match}
          onChange={(e) => onChange({ ...group, match: e.target.value === 'any' ? 'any' : 'all' })}
        >
          <option value="all">{t('segments.match.all')}</option>
          <option value="any">{t('segments.match.any')}</option>
        </select>
        {onRemove && (
          <button type="button" onClick={onRemove} className="ml-auto text-sm text-red-700 hover:underline">
            {t('segments.remove')}
          </button>
        )}
      </div>
      {group.rules.length === 0 && depth === 1 && (
        <p className="text-sm text-slate-500">{t('segments.noRules')}</p>
      )}
      <ul className="space-y-2">
        {group.rules.map((rule, index) => (
          <li key={index} className="flex items-start gap-2">
            {rule.kind === 'group' ? (
              <div className="flex-1">
                <RuleGroupEditor
                  group={rule}
                  options={options}
                  depth={depth + 1}
                  onChange={(next) => setRule(index, next)}
                  onRemove={() => setRule(index, undefined)}
                />
              </div>
            ) : (
              <>
                <div className="flex-1">
                  <ConditionEditor
                    condition={rule}
                    options={options}
                    onChange={(next) => setRule(index, next)}
                  />
                </div>
                <button
                  type="button"
                  onClick={() => setRule(index, undefined)}
                  className="text-sm text-red-700 hover:underline"
                >
                  {t('segments.remove')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <div className="flex gap-2">
        <button
          type="button"
          onClick={() => onChange({ ...group, rules: [...group.rules, conditionFor('tags', options)] })}
          className="rounded border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-slate-50"
        >
          {t('segments.addCondition')}
        </button>
        {depth < maxDepth && (
          <button
            type="button"
            onClick={() =>
              onChange({
                ...group,
                rules: [
                  ...group.rules,
                  { kind: 'group', match: group.match === 'all' ? 'any' : 'all', rules: [] },
                ],
              })
            }
            className="rounded border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-slate-50"
          >
            {t('segments.addGroup')}
          </button>
        )}
      </div>
    </section>
  );
}

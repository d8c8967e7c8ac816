import { useT } from '../../i18n/use-i18n.ts';
import {
  conditionFor,
  contactFields,
  operatorsByType,
  typeOf,
  valueShape,
  whatOf,
  type Condition,
  type FieldOperator,
  type RuleOptions,
} from './segment-draft.ts';
import { ValueInput } from './value-input.tsx';

const select = 'rounded border border-slate-300 bg-white px-2 py-1 text-sm';
const channels = ['sms', 'whatsapp', 'email', 'webchat'] as const;

/** One condition: what it looks at, how it compares, and the value, each fitting the one before. */
export function ConditionEditor({
  condition,
  options,
  onChange,
}: {
  condition: Condition;
  options: RuleOptions;
  onChange: (next: Condition) => void;
}) {
  const t = useT();
  return (
    <div className="flex flex-wrap items-center gap-2">
      <select
        aria-label={t('segments.what')}
        className={select}
        value={whatOf(condition)}
        onChange={(e) => onChange(conditionFor(e.target.value, options))}
      >
        <optgroup label={t('segments.group.contact')}>
          {Object.keys(contactFields).map((field) => (
            <option key={field} value={`contact:${field}`}>
              {t(`segments.field.${field as keyof typeof contactFields}`)}
            </option>
          ))}
          <option value="tags">{t('segments.field.tags')}</option>
          <option value="consent">{t('segments.field.consent')}</option>
        </optgroup>
        {options.fields.length > 0 && (
          <optgroup label={t('segments.group.custom')}>
            {options.fields.map((field) => (
              <option key={field.key} value={`custom:${field.key}`}>
                {field.label}
              </option>
            ))}
          </optgroup>
        )}
        <optgroup label={t('segments.group.activity')}>
          <option value="campaign">{t('segments.field.campaign')}</option>
          <option value="ivr">{t('segments.field.ivr')}</option>
          <option value="last_contact">{t('segments.field.last_contact')}</option>
        </optgroup>
      </select>
      <ConditionDetail condition={condition} options={options} onChange={onChange} />
    </div>
  );
}

function ConditionDetail({
  condition,
  options,
  onChange,
}: {
  condition: Condition;
  options: RuleOptions;
  onChange: (next: Condition) => void;
}) {
  const t = useT();
  switch (condition.kind) {
    case 'contact':
    case 'custom': {
      const type = typeOf(condition, options);
      const choices =
        condition.kind === 'custom' ? options.fields.find((f) => f.key === condition.key)?.choices : null;
      return (
        <>
          <select
            aria-label={t('segments.operator')}
            className={select}
            value={condition.operator}
            onChange={(e) => {
              const operator =
                operatorsByType[type].find((op) => op === e.target.value) ?? condition.operator;
              const keep = valueShape(operator) === valueShape(condition.operator);
              onChange({
                ...condition,
                operator,
                value: keep ? condition.value : undefined,
                values: keep ? condition.values : undefined,
              });
            }}
          >
            {operatorsByType[type].map((op: FieldOperator) => (
              <option key={op} value={op}>
                {t(`segments.op.${op}`)}
              </option>
            ))}
          </select>
          <ValueInput
            type={type}
            shape={valueShape(condition.operator)}
            choices={choices ?? null}
            value={condition.value}
            values={condition.values}
            onChange={(value, values) => onChange({ ...condition, value, values })}
          />
        </>
      );
    }
    case 'tags':
      return (
        <>
          <select
            aria-label={t('segments.operator')}
            className={select}
            value={condition.operator}
            onChange={(e) =>
              onChange({
                ...condition,
                operator:
                  e.target.value === 'has_not' ? 'has_not' : e.target.value === 'has_any' ? 'has_any' : 'has',
              })
            }
          >
            <option value="has">{t('segments.tags.has')}</option>
            <option value="has_any">{t('segments.tags.has_any')}</option>
            <option value="has_not">{t('segments.tags.has_not')}</option>
          </select>
          <fieldset className="flex flex-wrap gap-2" aria-label={t('segments.field.tags')}>
            {options.tags.length === 0 && (
              <span className="text-sm text-slate-500">{t('segments.tags.none')}</span>
            )}
            {options.tags.map((tag) => (
              <label key={tag} className="flex items-center gap-1 rounded bg-slate-100 px-2 py-0.5 text-sm">
                <input
                  type="checkbox"
                  checked={condition.tags.includes(tag)}
                  onChange={(e) =>
                    onChange({
                      ...condition,
                      tags: e.target.checked
                        ? [...condition.tags, tag]
                        : condition.tags.filter((x) => x !== tag),
                    })
                  }
                />
                {tag}
              </label>
            ))}
          </fieldset>
        </>
      );
    case 'consent':
      return (
        <>
          <select
            aria-label={t('segments.operator')}
            className={select}
            value={condition.state}
            onChange={(e) =>
              onChange({
                ...condition,
                state:
                  e.target.value === 'opted_out'
                    ? 'opted_out'
                    : e.target.value === 'not_consented'
                      ? 'not_consented'
                      : 'consented',
              })
            }
          >
            <option value="consented">{t('segments.consent.consented')}</option>
            <option value="not_consented">{t('segments.consent.not_consented')}</option>
            <option value="opted_out">{t('segments.consent.opted_out')}</option>
          </select>
          <select
            aria-label={t('segments.value')}
            className={select}
            value={condition.channel}
            onChange={(e) =>
              onChange({ ...condition, channel: channels.find((c) => c === e.target.value) ?? 'sms' })
            }
          >
            {channels.map((channel) => (
              <option key={channel} value={channel}>
                {t(`segments.channel.${channel}`)}
              </option>
            ))}
          </select>
        </>
      );
    case 'campaign':
      return (
        <>
          <select
            aria-label={t('segments.operator')}
            className={select}
            value={condition.negate ? 'not' : 'did'}
            onChange={(e) => onChange({ ...condition, negate: e.target.value === 'not' })}
          >
            <option value="did">{t('segments.campaign.did')}</option>
            <option value="not">{t('segments.campaign.didNot')}</option>
          </select>
          <select
            aria-label={t('segments.value')}
            className={select}
            value={condition.action}
            onChange={(e) =>
              onChange({
                ...condition,
                action:
                  (['received', 'opened', 'clicked', 'replied'] as const).find((a) => a === e.target.value) ??
                  'received',
              })
            }
          >
            {(['received', 'opened', 'clicked', 'replied'] as const).map((action) => (
              <option key={action} value={action}>
                {t(`segments.campaign.${action}`)}
              </option>
            ))}
          </select>
          {options.campaigns.length === 0 ? (
            <span className="text-sm text-slate-500">{t('segments.campaign.none')}</span>
          ) : (
            <select
              aria-label={t('segments.field.campaign')}
              className={select}
              value={condition.campaignId}
              onChange={(e) => onChange({ ...condition, campaignId: e.target.value })}
            >
              {options.campaigns.map((campaign) => (
                <option key={campaign.id} value={campaign.id}>
                  {campaign.name}
                </option>
              ))}
            </select>
          )}
        </>
      );
    case 'ivr': {
      if (options.flows.length === 0)
        return <span className="text-sm text-slate-500">{t('segments.ivr.none')}</span>;
      const flow = options.flows.find((f) => f.id === condition.flowId) ?? options.flows[0]!;
      const menu = flow.menus.find((m) => m.nodeId === condition.nodeId) ?? flow.menus[0];
      return (
        <>
          <select
            aria-label={t('segments.operator')}
            className={select}
            value={condition.negate ? 'not' : 'did'}
            onChange={(e) => onChange({ ...condition, negate: e.target.value === 'not' })}
          >
            <option value="did">{t('segments.ivr.pressed')}</option>
            <option value="not">{t('segments.ivr.notPressed')}</option>
          </select>
          <select
            aria-label={t('segments.ivr.option')}
            className={select}
            value={condition.option}
            onChange={(e) => onChange({ ...condition, option: e.target.value })}
          >
            {menu?.options.map((option) => (
              <option key={option.id} value={option.id}>
                {t('segments.ivr.key', { digit: option.digit })}
                {option.label ? ` · ${option.label}` : ''}
              </option>
            ))}
          </select>
          {flow.menus.length > 1 && (
            <select
              aria-label={t('segments.ivr.menu')}
              className={select}
              value={menu?.nodeId}
              onChange={(e) => {
                const next = flow.menus.find((m) => m.nodeId === e.target.value);
                onChange({ ...condition, nodeId: e.target.value, option: next?.options[0]?.id ?? '' });
              }}
            >
              {flow.menus.map((m) => (
                <option key={m.nodeId} value={m.nodeId}>
                  {m.label}
                </option>
              ))}
            </select>
          )}
          <select
            aria-label={t('segments.ivr.flow')}
            className={select}
            value={flow.id}
            onChange={(e) => {
              const next = options.flows.find((f) => f.id === e.target.value);
              const nextMenu = next?.menus[0];
              onChange({
                ...condition,
                flowId: e.target.value,
                nodeId: nextMenu?.nodeId ?? '',
                option: nextMenu?.options[0]?.id ?? '',
              });
            }}
          >
            {options.flows.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </>
      );
    }
    case 'last_contact':
      return (
        <>
          <select
            aria-label={t('segments.operator')}
            className={select}
            value={condition.operator}
            onChange={(e) =>
              onChange({ ...condition, operator: e.target.value === 'after' ? 'after' : 'before' })
            }
          >
            <option value="before">{t('segments.lastContact.before')}</option>
            <option value="after">{t('segments.lastContact.after')}</option>
          </select>
          <input
            type="date"
            aria-label={t('segments.value')}
            className={select}
            value={condition.date}
            onChange={(e) => onChange({ ...condition, date: e.target.value })}
          />
        </>
      );
  }
}

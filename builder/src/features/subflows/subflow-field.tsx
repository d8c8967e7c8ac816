import { useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { FieldShell } from '../inspector/field-shell.tsx';
import type { FieldProps } from '../inspector/field-props.ts';
import { inputClass } from '../inspector/field-styles.ts';
import { useFormContext } from '../inspector/form-context.ts';

interface CallableFlow {
  id: string;
  name: string;
  reusable: boolean;
}

/**
 * "Call a flow"'s flow (`ui.widget: 'subflow'`): picked by name among the workspace's published
 * flows (only a published version can run as a child). Picking also sets `flowName`, which the
 * card shows without a lookup.
 */
export function SubflowField({ path, value, onChange, label, required }: FieldProps) {
  const t = useT();
  const { config, setConfig } = useFormContext();
  const chosenId = typeof value === 'string' ? value : '';
  const [flows, setFlows] = useState<CallableFlow[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    ok(client.GET('/flows')).then(
      ({ items }) => {
        if (!current) return;
        const published = items.filter((flow) => flow.latestVersion !== null);
        // Reusable subflows first: they are the ones meant to be called.
        published.sort((a, b) => Number(b.reusable) - Number(a.reusable) || a.name.localeCompare(b.name));
        setFlows(published);
      },
      (e: unknown) => current && setError((e as Error).message),
    );
    return () => {
      current = false;
    };
  }, []);

  const missing = flows !== null && chosenId !== '' && !flows.some((flow) => flow.id === chosenId);

  function pick(id: string) {
    const flow = flows?.find((f) => f.id === id);
    const key = String(path[0]);
    if (setConfig && config && path.length === 1) {
      const rest = Object.fromEntries(Object.entries(config).filter(([k]) => k !== key && k !== 'flowName'));
      setConfig(flow ? { ...rest, [key]: flow.id, flowName: flow.name } : rest);
    } else onChange(flow?.id);
  }

  return (
    <FieldShell
      path={path}
      label={label}
      required={required}
      empty={chosenId === ''}
      errors={error !== null ? [t('subflow.loadFailed', { message: error })] : []}
      hint={flows?.length === 0 ? t('subflow.noFlows') : undefined}
    >
      {(control) => (
        <select {...control} value={chosenId} onChange={(e) => pick(e.target.value)} className={inputClass}>
          <option value="">{t('subflow.pickFlow')}</option>
          {missing && <option value={chosenId}>{t('subflow.missing')}</option>}
          {(flows ?? []).map((flow) => (
            <option key={flow.id} value={flow.id}>
              {flow.reusable ? `${flow.name} (${t('subflow.reusableTag')})` : flow.name}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

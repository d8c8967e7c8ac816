import { useId, useMemo } from 'react';
import type { ValidationIssue } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { FormContext, type FormContextValue, type PortRowsInfo } from './form-context.ts';
import { properties, rootSchema } from './json-schema.ts';
import { ObjectFields } from './object-fields.tsx';
import { pathKey, routeIssues } from './route-issues.ts';
import type { VariableOption } from './template-input.tsx';
import { problemText } from '../editor/problem-text.ts';

export interface NodeFormProps {
  /** The node's `configSchema` from the catalog (JSON Schema 2020-12 with `ui` hints). */
  schema: unknown;
  value: Record<string, unknown>;
  onChange(next: Record<string, unknown>): void;
  /** Validation issues of this node; each shows under the field its `path` points at. */
  issues?: readonly ValidationIssue[];
  /** Suggestions after `{{` in template fields (see templateVariables). */
  variables?: readonly VariableOption[];
  /** Prefix of the controls' DOM ids; unique per form on the page. */
  idPrefix?: string;
  /** Shows the config with every control disabled (a published version). */
  readOnly?: boolean;
  /** Rows whose ids are ports: their ids come from their labels (see port-id.ts). */
  portRows?: PortRowsInfo;
  /** The flow's language, for defaults that follow it. */
  flowLanguage?: 'es' | 'en';
  /** What a code node's script may use, as TypeScript declarations. */
  scriptTypes?: string;
}

const noIssues: readonly ValidationIssue[] = [];
const noVariables: readonly VariableOption[] = [];

/** The form for a node's config, generated from its JSON Schema and `ui` hints. */
export function NodeForm({
  schema,
  value,
  onChange,
  issues = noIssues,
  variables = noVariables,
  idPrefix,
  readOnly = false,
  portRows,
  flowLanguage,
  scriptTypes,
}: NodeFormProps) {
  const t = useT();
  const reactId = useId();
  const prefix = idPrefix ?? `node-form-${reactId.replace(/[^A-Za-z0-9_-]/g, '')}`;
  const root = useMemo(() => rootSchema(schema), [schema]);
  const routed = useMemo(() => routeIssues(root, value, issues), [root, value, issues]);
  const context = useMemo<FormContextValue>(
    () => ({
      idPrefix: prefix,
      variables,
      disabled: readOnly,
      issuesAt: (path) => routed.byField.get(pathKey(path)) ?? noIssues,
      portRows,
      flowLanguage,
      config: value,
      setConfig: onChange,
      ...(scriptTypes === undefined ? {} : { scriptTypes }),
    }),
    [prefix, variables, readOnly, routed, portRows, flowLanguage, value, onChange, scriptTypes],
  );
  const problemsId = `${prefix}-problems`;

  return (
    <FormContext.Provider value={context}>
      <div className="space-y-4">
        {routed.general.length > 0 && (
          <div
            role="group"
            aria-labelledby={problemsId}
            className="rounded border border-red-200 bg-red-50 p-3"
            data-testid="node-problems"
          >
            <h3 id={problemsId} className="text-sm font-medium text-red-800">
              {t('inspector.problems')}
            </h3>
            <ul className="mt-1 list-disc space-y-0.5 pl-5">
              {routed.general.map((issue, index) => (
                <li
                  key={index}
                  className={issue.severity === 'error' ? 'text-xs text-red-700' : 'text-xs text-amber-700'}
                >
                  {problemText(issue, t)}
                </li>
              ))}
            </ul>
          </div>
        )}
        {properties(root).length === 0 ? (
          <p className="text-sm text-slate-500">{t('inspector.noSettings')}</p>
        ) : (
          <ObjectFields node={root} path={[]} value={value} onChange={onChange} />
        )}
      </div>
    </FormContext.Provider>
  );
}

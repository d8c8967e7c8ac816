import { useId, useMemo, useState } from 'react';
import { ApiError, client, done, ok } from '../../api/client.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { CodeField } from '../editors/code-field.tsx';
import { inputClass, smallButtonClass } from '../inspector/field-styles.ts';
import {
  inputOf,
  problemsAt,
  problemsOf,
  usersOf,
  type Template,
  type TemplateDraft,
  type TemplateLanguage,
  type TemplateProblem,
  type TemplateUser,
} from './template-draft.ts';
import { TemplatePreviewPanel } from './template-preview.tsx';

const languages = ['es', 'en'] as const;

interface Pending {
  action: 'save' | 'delete';
  flows: TemplateUser[];
}

/** Edits one template: name, languages, subject and MJML or text, with its live preview. */
export function TemplateEditor({
  draft,
  onChange,
  onSaved,
  onDeleted,
  dirty,
}: {
  draft: TemplateDraft;
  onChange(next: TemplateDraft): void;
  onSaved(template: Template): void;
  onDeleted(): void;
  dirty: boolean;
}) {
  const t = useT();
  const id = useId();
  const locale = useLocale((s) => s.locale);
  const present = languages.filter((l) => draft.variants[l] !== undefined);
  const [chosen, setLanguage] = useState<TemplateLanguage>(locale);
  const language = draft.variants[chosen] ? chosen : (present[0] ?? 'es');
  const variant = draft.variants[language];
  const [problems, setProblems] = useState<TemplateProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const languageName = (l: TemplateLanguage) =>
    t(l === 'es' ? 'templates.language.es' : 'templates.language.en');

  const bodyMarkers = useMemo(
    () =>
      problemsAt(problems, language, 'body').map((p) => ({
        line: p.line ?? 1,
        ...(p.column ? { column: p.column } : {}),
        message: p.message,
      })),
    [problems, language],
  );

  function setVariant(next: { subject?: string; body?: string }) {
    if (!variant) return;
    onChange({ ...draft, variants: { ...draft.variants, [language]: { ...variant, ...next } } });
  }

  function addLanguage(l: TemplateLanguage) {
    const from = variant ?? { body: '' };
    onChange({ ...draft, variants: { ...draft.variants, [l]: { ...from } } });
    setLanguage(l);
  }

  function removeLanguage(l: TemplateLanguage) {
    const variants = { ...draft.variants };
    delete variants[l];
    onChange({ ...draft, variants });
  }

  async function save(confirm = false) {
    setBusy(true);
    setError(null);
    try {
      const body = inputOf(draft);
      const saved = draft.id
        ? await ok(
            client.PUT('/templates/{id}', {
              params: { path: { id: draft.id }, query: confirm ? { confirm: 'true' } : {} },
              body,
            }),
          )
        : await ok(client.POST('/templates', { body }));
      setProblems([]);
      setPending(null);
      onSaved(saved);
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'TEMPLATE_IN_USE') {
        setPending({ action: 'save', flows: usersOf(failure.details) });
      } else if (failure instanceof ApiError && failure.code === 'TEMPLATE_INVALID') {
        setProblems(problemsOf(failure.details));
      } else {
        setError(failure instanceof Error ? failure.message : String(failure));
      }
    } finally {
      setBusy(false);
    }
  }

  async function remove(confirm: boolean) {
    if (!draft.id) return onDeleted();
    try {
      await done(
        client.DELETE('/templates/{id}', {
          params: { path: { id: draft.id }, query: confirm ? { confirm: 'true' } : {} },
        }),
      );
      setConfirmDelete(false);
      setPending(null);
      onDeleted();
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'TEMPLATE_IN_USE') {
        setConfirmDelete(false);
        setPending({ action: 'delete', flows: usersOf(failure.details) });
        return;
      }
      throw failure;
    }
  }

  const describe = (p: TemplateProblem) =>
    t(p.line ? 'templates.problem' : 'templates.problemNoLine', {
      language: languageName(p.language),
      field: t(p.field === 'subject' ? 'templates.field.subject' : 'templates.field.body'),
      line: p.line ?? '',
      message: p.message,
    });

  return (
    <div className="space-y-4">
      <div className="grid gap-3 md:grid-cols-2">
        <div>
          <label htmlFor={`${id}-name`} className="mb-1 block text-sm font-medium text-slate-800">
            {t('templates.name')}
          </label>
          <input
            id={`${id}-name`}
            value={draft.name}
            onChange={(event) => onChange({ ...draft, name: event.target.value })}
            aria-describedby={`${id}-name-hint`}
            className={inputClass}
          />
          <p id={`${id}-name-hint`} className="mt-1 text-xs text-slate-500">
            {t('templates.nameHint')} ·{' '}
            {t(draft.kind === 'email' ? 'templates.kind.email' : 'templates.kind.text')}
          </p>
        </div>
        <div>
          <label htmlFor={`${id}-description`} className="mb-1 block text-sm font-medium text-slate-800">
            {t('templates.description')}
          </label>
          <input
            id={`${id}-description`}
            value={draft.description}
            onChange={(event) => onChange({ ...draft, description: event.target.value })}
            className={inputClass}
          />
        </div>
      </div>

      <div className="flex flex-wrap items-center gap-2" role="group" aria-label={t('templates.language')}>
        {languages.map((l) =>
          draft.variants[l] ? (
            <button
              key={l}
              type="button"
              aria-pressed={l === language}
              onClick={() => setLanguage(l)}
              className="rounded border border-slate-300 px-3 py-1 text-sm aria-[pressed=true]:border-indigo-600 aria-[pressed=true]:bg-indigo-50 aria-[pressed=true]:font-semibold"
            >
              {languageName(l)}
            </button>
          ) : (
            <button key={l} type="button" onClick={() => addLanguage(l)} className={smallButtonClass}>
              {t('templates.addLanguage', { language: languageName(l) })}
            </button>
          ),
        )}
        {present.length > 1 && (
          <button type="button" onClick={() => removeLanguage(language)} className={smallButtonClass}>
            {t('templates.removeLanguage', { language: languageName(language) })}
          </button>
        )}
      </div>

      {variant && draft.kind === 'email' && (
        <div>
          <label htmlFor={`${id}-subject`} className="mb-1 block text-sm font-medium text-slate-800">
            {t('templates.subject')}
          </label>
          <input
            id={`${id}-subject`}
            value={variant.subject ?? ''}
            onChange={(event) => setVariant({ subject: event.target.value })}
            aria-invalid={problemsAt(problems, language, 'subject').length > 0 || undefined}
            className={inputClass}
          />
        </div>
      )}
      {variant && (
        <CodeField
          key={`${draft.id ?? 'new'}-${language}`}
          id={`${id}-body`}
          label={t(draft.kind === 'email' ? 'templates.bodyEmail' : 'templates.bodyText')}
          language={draft.kind === 'email' ? 'html' : 'plaintext'}
          value={variant.body}
          onChange={(body) => setVariant({ body })}
          invalid={bodyMarkers.length > 0}
          markers={bodyMarkers}
          heightClass={draft.kind === 'email' ? 'h-96' : 'h-32'}
        />
      )}

      {problems.length > 0 && (
        <div role="alert" className="rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          <p className="font-medium">{t('templates.problems')}</p>
          <ul className="mt-1 list-disc pl-5" data-testid="template-problems">
            {problems.map((p, index) => (
              <li key={index}>{describe(p)}</li>
            ))}
          </ul>
        </div>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {t('common.error', { message: error })}
        </p>
      )}

      <div className="flex items-center gap-3">
        <button
          type="button"
          disabled={busy}
          onClick={() => void save()}
          className="rounded bg-indigo-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
        >
          {busy ? t('templates.saving') : t('templates.save')}
        </button>
        <button
          type="button"
          onClick={() => setConfirmDelete(true)}
          className="rounded border border-red-300 px-3 py-1.5 text-sm text-red-700 hover:bg-red-50"
        >
          {t('templates.delete')}
        </button>
        <span className="text-xs text-slate-500" aria-live="polite">
          {dirty ? t('templates.unsaved') : draft.id ? t('templates.saved') : ''}
        </span>
      </div>

      <TemplatePreviewPanel draft={draft} language={language} />

      {confirmDelete && (
        <ConfirmDialog
          title={t('templates.confirmDeleteTitle')}
          confirmLabel={t('templates.delete')}
          danger
          onConfirm={() => remove(false)}
          onClose={() => setConfirmDelete(false)}
        >
          <p>{t('templates.confirmDelete', { name: draft.name })}</p>
        </ConfirmDialog>
      )}
      {pending && (
        <ConfirmDialog
          title={t('templates.inUseTitle')}
          confirmLabel={t(pending.action === 'save' ? 'templates.saveAnyway' : 'templates.deleteAnyway')}
          danger={pending.action === 'delete'}
          onConfirm={() => (pending.action === 'save' ? save(true) : remove(true))}
          onClose={() => setPending(null)}
        >
          <p>
            {t(pending.action === 'save' ? 'templates.inUseChange' : 'templates.inUseDelete', {
              flows: pending.flows.map((f) => `«${f.flowName}»`).join(', '),
            })}
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

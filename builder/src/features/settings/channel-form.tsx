import { useId, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import type { ChannelProvider, ChannelSettingsView } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { channelBody, formValues } from './channel-body.ts';
import { placeErrors, type PlacedErrors } from './place-errors.ts';
import { ProviderFieldInput } from './provider-field-input.tsx';
import { fieldKey, providerFields, providersFor } from './provider-fields.ts';

const noErrors: PlacedErrors = { top: null, fields: {} };

/** The provider the form opens on: the one in use when this channel can be set to it. */
function startingProvider(view: ChannelSettingsView, offered: readonly ChannelProvider[]): ChannelProvider {
  return view.provider && offered.includes(view.provider) ? view.provider : offered[0]!;
}

/**
 * Edits one channel's provider: a form generated from the provider's field list, saved with PUT.
 * The owner remounts it (by key) after a save, so it starts again from what was saved.
 */
export function ChannelForm({
  view,
  onSaved,
}: {
  view: ChannelSettingsView;
  onSaved: (saved: ChannelSettingsView) => void;
}) {
  const t = useT();
  const providerId = useId();
  const offered = providersFor[view.channel];
  const [provider, setProvider] = useState(() => startingProvider(view, offered));
  const [values, setValues] = useState(() => formValues(view.config));
  const [errors, setErrors] = useState<PlacedErrors>(noErrors);
  const [saving, setSaving] = useState(false);
  const fields = providerFields[provider];
  // Secrets are kept only for the same provider: switching provider needs all of the new one's.
  const savedSecrets = view.source === 'settings' && view.provider === provider ? view.secretsSet : [];
  const channelName = t(`channels.name.${view.channel}`);

  async function save() {
    setSaving(true);
    setErrors(noErrors);
    try {
      const saved = await ok(
        client.PUT('/channels/{channel}', {
          params: { path: { channel: view.channel } },
          body: channelBody(provider, values),
        }),
      );
      onSaved(saved);
    } catch (error) {
      setErrors(placeErrors(error, fields.map(fieldKey)));
      setSaving(false);
    }
  }

  const placedBesideFields = Object.keys(errors.fields).length > 0;
  return (
    <form
      aria-label={t('channels.form', { channel: channelName })}
      // The API is the judge of what is valid; its messages land beside the fields.
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      className="space-y-3 border-t border-slate-200 pt-3"
    >
      <div className="text-sm">
        <label htmlFor={providerId} className="font-medium">
          {t('channels.provider')}
        </label>
        <select
          id={providerId}
          value={provider}
          onChange={(e) => {
            setProvider(offered.find((p) => p === e.target.value) ?? provider);
            setErrors(noErrors);
          }}
          className="mt-1 block rounded border border-slate-300 bg-white px-2 py-1"
        >
          {offered.map((p) => (
            <option key={p} value={p}>
              {t(`channels.provider.${p}`)}
            </option>
          ))}
        </select>
      </div>
      {(errors.top || placedBesideFields) && (
        <p role="alert" className="text-sm text-red-700">
          {errors.top ?? t('channels.fixFields')}
        </p>
      )}
      {fields.length === 0 ? (
        <p className="text-sm text-slate-600">{t('channels.sandboxNote')}</p>
      ) : (
        <>
          <div className="grid gap-3 sm:grid-cols-2">
            {fields.map((field) => (
              <ProviderFieldInput
                key={fieldKey(field)}
                field={field}
                value={values[fieldKey(field)] ?? ''}
                error={errors.fields[fieldKey(field)]}
                secretSaved={field.group === 'secrets' && savedSecrets.includes(field.name)}
                onChange={(value) => setValues((current) => ({ ...current, [fieldKey(field)]: value }))}
              />
            ))}
          </div>
          <p className="text-xs text-slate-600">{t('channels.requiredNote')}</p>
        </>
      )}
      <button
        type="submit"
        disabled={saving}
        className="rounded bg-indigo-600 px-3 py-1 text-sm font-medium text-white disabled:opacity-50"
      >
        {saving ? t('channels.saving') : t('channels.save')}
      </button>
    </form>
  );
}

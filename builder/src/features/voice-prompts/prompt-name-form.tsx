import { useState } from 'react';
import { useT } from '../../i18n/use-i18n.ts';
import { inputClass, smallButtonClass } from '../inspector/field-styles.ts';
import { uploadVoicePrompt, type VoicePrompt } from './voice-prompt-api.ts';

/** Names a new audio (a chosen file or a recording) and uploads it; the server's refusal shows as it is. */
export function PromptNameForm({
  audio,
  filename,
  suggestedName,
  onSaved,
  onCancel,
}: {
  audio: Blob;
  filename: string;
  suggestedName: string;
  onSaved(prompt: VoicePrompt): void;
  onCancel(): void;
}) {
  const t = useT();
  const [name, setName] = useState(suggestedName);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      onSaved(await uploadVoicePrompt(name.trim(), audio, filename));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className="space-y-1">
      <input
        className={inputClass}
        aria-label={t('voicePrompts.name')}
        placeholder={t('voicePrompts.name')}
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <div className="flex items-center gap-2">
        <button
          type="button"
          className={smallButtonClass}
          disabled={saving || name.trim() === ''}
          onClick={() => void save()}
        >
          {saving ? t('voicePrompts.saving') : t('voicePrompts.save')}
        </button>
        <button type="button" className={smallButtonClass} disabled={saving} onClick={onCancel}>
          {t('voicePrompts.cancel')}
        </button>
      </div>
      {error && (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

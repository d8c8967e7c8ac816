import { useRef, useState } from 'react';
import { useT } from '../../i18n/use-i18n.ts';
import { FieldShell } from '../inspector/field-shell.tsx';
import type { FieldProps } from '../inspector/field-props.ts';
import { inputClass, smallButtonClass } from '../inspector/field-styles.ts';
import { uiHints } from '../inspector/json-schema.ts';
import { PromptRecorder } from './prompt-recorder.tsx';
import { PromptUploader } from './prompt-uploader.tsx';
import { useVoicePromptStore, useVoicePrompts } from './use-voice-prompts.ts';
import type { VoicePrompt } from './voice-prompt-api.ts';

const refOf = (value: unknown) =>
  typeof value === 'string' ? /^prompt:([0-9a-f-]{36})$/i.exec(value.trim()) : null;

/**
 * A workspace's recorded prompt (`ui.widget: 'voice-prompt'`): the list by name with a play
 * button each, an upload and a microphone recording that land chosen. With `ui.allowLocation`
 * (voice.play) a URL or server file may be typed instead; else the choice may be none (the
 * node reads its text aloud).
 */
export function VoicePromptField({ node, path, value, onChange, label, required }: FieldProps) {
  const t = useT();
  const allowLocation = uiHints(node).allowLocation === true;
  const prompts = useVoicePrompts();
  const added = useVoicePromptStore((s) => s.added);
  const chosenId = refOf(value)?.[1]?.toLowerCase();
  const text = typeof value === 'string' ? value : '';
  const [typing, setTyping] = useState(allowLocation && text !== '' && !chosenId);
  const missing = prompts !== null && chosenId !== undefined && !prompts.some((p) => p.id === chosenId);
  const choose = (prompt: VoicePrompt) => {
    setTyping(false);
    onChange(prompt.reference);
  };
  const fresh = (prompt: VoicePrompt) => {
    added(prompt);
    choose(prompt);
  };

  return (
    <FieldShell
      path={path}
      label={label}
      required={required}
      empty={text === ''}
      labelAs="legend"
      errors={missing ? [t('voicePrompts.missing')] : []}
    >
      {(control) => (
        <div className="space-y-2" data-testid="voice-prompt-field">
          {prompts === null ? (
            <p className="text-xs text-slate-500">{t('voicePrompts.loading')}</p>
          ) : (
            <PromptList
              prompts={prompts}
              chosenId={typing ? undefined : chosenId}
              disabled={control.disabled}
              onChoose={choose}
              groupName={`${control.id}-choice`}
            />
          )}
          {prompts?.length === 0 && <p className="text-xs text-slate-500">{t('voicePrompts.empty')}</p>}
          <div className="space-y-1 text-xs">
            {!allowLocation && (
              <label className="flex items-center gap-2">
                <input
                  type="radio"
                  name={`${control.id}-choice`}
                  checked={!chosenId && !typing}
                  aria-label={t('voicePrompts.none')}
                  disabled={control.disabled}
                  onChange={() => onChange(undefined)}
                />
                {t('voicePrompts.none')}
              </label>
            )}
            {allowLocation && (
              <label className="flex items-center gap-2">
                <input
                  type="radio"
                  name={`${control.id}-choice`}
                  checked={typing}
                  aria-label={t('voicePrompts.location')}
                  disabled={control.disabled}
                  onChange={() => {
                    setTyping(true);
                    if (chosenId) onChange(undefined);
                  }}
                />
                {t('voicePrompts.location')}
              </label>
            )}
            {typing && (
              <input
                {...control}
                aria-label={t('voicePrompts.locationLabel')}
                className={inputClass}
                value={chosenId ? '' : text}
                onChange={(event) => onChange(event.target.value || undefined)}
              />
            )}
          </div>
          {!control.disabled && (
            <div className="space-y-2 border-t border-slate-200 pt-2">
              <PromptUploader onSaved={fresh} />
              <PromptRecorder onSaved={fresh} />
            </div>
          )}
        </div>
      )}
    </FieldShell>
  );
}

function PromptList({
  prompts,
  chosenId,
  disabled,
  onChoose,
  groupName,
}: {
  prompts: readonly VoicePrompt[];
  chosenId: string | undefined;
  disabled: boolean;
  onChoose(prompt: VoicePrompt): void;
  groupName: string;
}) {
  const t = useT();
  const player = useRef<HTMLAudioElement | null>(null);
  const [playing, setPlaying] = useState<string | null>(null);
  const toggle = (prompt: VoicePrompt) => {
    player.current?.pause();
    if (playing === prompt.id) {
      setPlaying(null);
      return;
    }
    const audio = new Audio(prompt.audioUrl);
    audio.onended = () => setPlaying(null);
    player.current = audio;
    setPlaying(prompt.id);
    void audio.play().catch(() => setPlaying(null));
  };
  if (prompts.length === 0) return null;
  return (
    <ul className="max-h-48 space-y-1 overflow-y-auto" aria-label={t('voicePrompts.listTitle')}>
      {prompts.map((prompt) => (
        <li key={prompt.id} className="flex items-center gap-2 text-sm" data-voice-prompt={prompt.name}>
          <input
            type="radio"
            name={groupName}
            checked={prompt.id === chosenId}
            disabled={disabled}
            onChange={() => onChoose(prompt)}
            aria-label={t('voicePrompts.choose', { name: prompt.name })}
          />
          <span className="min-w-0 flex-1 truncate" title={prompt.name}>
            {prompt.name}
          </span>
          <span className="text-xs text-slate-500">
            {t('voicePrompts.duration', { seconds: (prompt.durationMs / 1000).toFixed(1) })}
          </span>
          <button
            type="button"
            className={smallButtonClass}
            onClick={() => toggle(prompt)}
            aria-label={
              playing === prompt.id ? t('voicePrompts.stop') : t('voicePrompts.play', { name: prompt.name })
            }
            data-playing={playing === prompt.id ? 'true' : undefined}
          >
            {playing === prompt.id ? '■' : '▶'}
          </button>
        </li>
      ))}
    </ul>
  );
}

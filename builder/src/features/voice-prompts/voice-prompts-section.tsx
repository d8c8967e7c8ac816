import { useState } from 'react';
import { client, done, ok } from '../../api/client.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { inputClass, smallButtonClass } from '../inspector/field-styles.ts';
import { PromptRecorder } from './prompt-recorder.tsx';
import { PromptUploader } from './prompt-uploader.tsx';
import { useVoicePromptStore, useVoicePrompts } from './use-voice-prompts.ts';
import type { VoicePrompt } from './voice-prompt-api.ts';

/**
 * The workspace's recorded prompts on the Recordings page: listen, rename, delete (the server
 * refuses one a published flow plays, naming the flows), upload and record.
 */
export function VoicePromptsSection() {
  const t = useT();
  const prompts = useVoicePrompts();
  const { refresh, added } = useVoicePromptStore();
  const [error, setError] = useState<string | null>(null);
  const act = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      await refresh();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <section className="space-y-2 border-t border-slate-200 pt-4" aria-labelledby="voice-prompts-title">
      <h2 id="voice-prompts-title" className="text-xl font-semibold">
        {t('voicePrompts.listTitle')}
      </h2>
      <p className="text-sm text-slate-600">{t('voicePrompts.sectionHelp')}</p>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      {prompts?.length === 0 && <p className="text-sm text-slate-600">{t('voicePrompts.empty')}</p>}
      <ul className="divide-y divide-slate-200">
        {(prompts ?? []).map((prompt) => (
          <PromptRow
            key={prompt.id}
            prompt={prompt}
            onRename={(name) =>
              act(() =>
                ok(
                  client.PATCH('/voice-prompts/{id}', {
                    params: { path: { id: prompt.id } },
                    body: { name },
                  }),
                ),
              )
            }
            onDelete={() =>
              act(() => done(client.DELETE('/voice-prompts/{id}', { params: { path: { id: prompt.id } } })))
            }
          />
        ))}
      </ul>
      <div className="flex flex-wrap items-start gap-6">
        <PromptUploader onSaved={added} />
        <PromptRecorder onSaved={added} />
      </div>
    </section>
  );
}

function PromptRow({
  prompt,
  onRename,
  onDelete,
}: {
  prompt: VoicePrompt;
  onRename(name: string): Promise<void>;
  onDelete(): Promise<void>;
}) {
  const t = useT();
  const [name, setName] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="flex flex-wrap items-center gap-3 py-2 text-sm" data-voice-prompt-row={prompt.name}>
      {name === null ? (
        <span className="min-w-40 font-medium">{prompt.name}</span>
      ) : (
        <input
          className={`${inputClass} max-w-60`}
          aria-label={t('voicePrompts.name')}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      )}
      <span className="text-slate-500">
        {t('voicePrompts.duration', { seconds: (prompt.durationMs / 1000).toFixed(1) })}
      </span>
      <audio
        controls
        preload="none"
        src={prompt.audioUrl}
        aria-label={t('voicePrompts.play', { name: prompt.name })}
        className="h-8 w-64"
      />
      {name === null ? (
        <button type="button" className={smallButtonClass} onClick={() => setName(prompt.name)}>
          {t('voicePrompts.rename')}
        </button>
      ) : (
        <>
          <button
            type="button"
            className={smallButtonClass}
            disabled={name.trim() === ''}
            onClick={() => void onRename(name.trim()).then(() => setName(null))}
          >
            {t('voicePrompts.save')}
          </button>
          <button type="button" className={smallButtonClass} onClick={() => setName(null)}>
            {t('voicePrompts.cancel')}
          </button>
        </>
      )}
      {confirming ? (
        <>
          <span>{t('voicePrompts.confirmDelete', { name: prompt.name })}</span>
          <button
            type="button"
            className={`${smallButtonClass} border-red-300 text-red-700`}
            onClick={() => void onDelete().then(() => setConfirming(false))}
          >
            {t('voicePrompts.delete')}
          </button>
          <button type="button" className={smallButtonClass} onClick={() => setConfirming(false)}>
            {t('voicePrompts.cancel')}
          </button>
        </>
      ) : (
        <button type="button" className={smallButtonClass} onClick={() => setConfirming(true)}>
          {t('voicePrompts.delete')}
        </button>
      )}
    </li>
  );
}

import { useT } from '../../i18n/use-i18n.ts';
import { smallButtonClass } from '../inspector/field-styles.ts';
import { PromptNameForm } from './prompt-name-form.tsx';
import { useMicrophoneRecorder } from './use-microphone-recorder.ts';
import type { VoicePrompt } from './voice-prompt-api.ts';

/** Records with the microphone, lets the designer listen, then names and uploads it as a WAV. */
export function PromptRecorder({ onSaved }: { onSaved(prompt: VoicePrompt): void }) {
  const t = useT();
  const { state, start, stop, reset } = useMicrophoneRecorder();
  return (
    <div className="space-y-1 text-xs">
      {(state.kind === 'idle' || state.kind === 'failed') && (
        <button
          type="button"
          className={smallButtonClass}
          onClick={() => void start()}
          aria-label={t('voicePrompts.record')}
        >
          {t('voicePrompts.record')}
        </button>
      )}
      {state.kind === 'failed' && (
        <p role="alert" className="text-red-700">
          {t('voicePrompts.micDenied', { reason: state.reason })}
        </p>
      )}
      {state.kind === 'recording' && (
        <div className="flex items-center gap-2">
          <span className="text-red-700">{t('voicePrompts.recording', { seconds: state.seconds })}</span>
          <button type="button" className={smallButtonClass} onClick={stop}>
            {t('voicePrompts.stopRecording')}
          </button>
        </div>
      )}
      {state.kind === 'recorded' && (
        <div className="space-y-1">
          <audio controls src={state.url} className="h-8 w-full" data-testid="voice-prompt-take" />
          <PromptNameForm
            audio={state.wav}
            filename="grabacion.wav"
            suggestedName=""
            onSaved={(prompt) => {
              reset();
              onSaved(prompt);
            }}
            onCancel={reset}
          />
        </div>
      )}
    </div>
  );
}

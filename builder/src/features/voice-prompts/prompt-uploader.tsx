import { useId, useState } from 'react';
import { useT } from '../../i18n/use-i18n.ts';
import { PromptNameForm } from './prompt-name-form.tsx';
import type { VoicePrompt } from './voice-prompt-api.ts';

/** A WAV or MP3 from the designer's computer, named (after the file) and uploaded. */
export function PromptUploader({ onSaved }: { onSaved(prompt: VoicePrompt): void }) {
  const t = useT();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  return (
    <div className="space-y-1 text-xs">
      <label htmlFor={id} className="cursor-pointer text-indigo-700 hover:underline">
        {t('voicePrompts.upload')}
      </label>
      <input
        id={id}
        type="file"
        accept=".wav,.mp3,audio/wav,audio/mpeg"
        className="sr-only"
        data-testid="voice-prompt-upload"
        onChange={(event) => {
          setFile(event.target.files?.[0] ?? null);
          // Cleared, so choosing the same file again (after a refused name) is a change too.
          event.target.value = '';
        }}
      />
      {file && (
        <PromptNameForm
          audio={file}
          filename={file.name}
          suggestedName={file.name.replace(/\.[^.]+$/, '')}
          onSaved={(prompt) => {
            setFile(null);
            onSaved(prompt);
          }}
          onCancel={() => setFile(null)}
        />
      )}
    </div>
  );
}

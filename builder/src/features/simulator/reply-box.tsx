import { useState } from 'react';
import { useT } from '../../i18n/use-i18n.ts';

const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

/**
 * What a customer would do: type a reply or press keypad digits. They go to the run as the
 * `message` and `dtmf` events that conversational and voice nodes wait for; a run that is not
 * waiting for one answers with the reason, which the panel shows.
 */
export function ReplyBox({
  onEvent,
}: {
  onEvent: (type: 'message' | 'dtmf', data: Record<string, string>) => void;
}) {
  const t = useT();
  const [text, setText] = useState('');
  return (
    <div className="space-y-2">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!text.trim()) return;
          onEvent('message', { text });
          setText('');
        }}
        className="flex gap-1"
      >
        <input
          aria-label={t('simulator.reply')}
          placeholder={t('simulator.reply')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          className="min-w-0 flex-1 rounded-full border border-slate-300 px-3 py-1"
        />
        <button type="submit" className="rounded-full bg-indigo-600 px-3 py-1 text-white">
          {t('simulator.send')}
        </button>
      </form>
      <div role="group" aria-label={t('simulator.keypad')} className="grid w-36 grid-cols-3 gap-1">
        {keys.map((key) => (
          <button
            key={key}
            type="button"
            aria-label={t('simulator.key', { key })}
            onClick={() => onEvent('dtmf', { digits: key })}
            className="rounded border border-slate-300 bg-white py-1 font-mono hover:bg-slate-100"
          >
            {key}
          </button>
        ))}
      </div>
    </div>
  );
}

import { useState } from 'react';
import { useT } from '../../i18n/use-i18n.ts';

/** The phone's keyboard: type and press Enter (or Send). The text stays if sending failed. */
export function PhoneReplyBox({
  sending,
  disabled,
  onSend,
}: {
  sending: boolean;
  /** No one to send as (the number is not valid). */
  disabled: boolean;
  onSend: (text: string) => Promise<boolean>;
}) {
  const t = useT();
  const [text, setText] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim() || sending || disabled) return;
        void onSend(text).then((sent) => sent && setText(''));
      }}
      className="flex gap-1 border-t border-slate-200 bg-white p-2"
    >
      <input
        aria-label={t('phone.reply')}
        placeholder={t('phone.replyPlaceholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        className="min-w-0 flex-1 rounded-full border border-slate-300 px-3 py-1 text-sm"
      />
      <button
        type="submit"
        disabled={sending || disabled || !text.trim()}
        className="rounded-full bg-emerald-600 px-3 py-1 text-sm font-medium text-white disabled:opacity-50"
      >
        {sending ? t('phone.sending') : t('phone.send')}
      </button>
    </form>
  );
}

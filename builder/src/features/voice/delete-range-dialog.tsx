import { useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { ModalDialog } from '../../ui/modal-dialog.tsx';
import { fromLocalInput } from '../runs/run-filter.ts';
import { formatBytes } from './format-bytes.ts';

const field = 'mt-1 block rounded border border-slate-300 px-2 py-1';

/**
 * Deletes every recording made in [from, to) (admins). Before the button turns on it counts what
 * would go with the same range (`GET /recordings/count`), so the confirmation names a number.
 */
export function DeleteRangeDialog({
  onDeleted,
  onClose,
}: {
  onDeleted: (count: number) => void;
  onClose: () => void;
}) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [fromText, setFromText] = useState('');
  const [toText, setToText] = useState('');
  const [count, setCount] = useState<{ count: number; bytes: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const from = fromLocalInput(fromText);
  const to = fromLocalInput(toText);

  useEffect(() => {
    setCount(null);
    setError(null);
    if (!to) return;
    let stale = false;
    ok(client.GET('/recordings/count', { params: { query: { to, ...(from ? { from } : {}) } } })).then(
      (answer) => !stale && setCount(answer),
      (e: unknown) => !stale && setError((e as Error).message),
    );
    return () => {
      stale = true;
    };
  }, [from, to]);

  async function confirm() {
    if (!to) return;
    setBusy(true);
    setError(null);
    try {
      const { deleted } = await ok(
        client.POST('/recordings/delete', { body: { to, ...(from ? { from } : {}) } }),
      );
      onDeleted(deleted);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }

  return (
    <ModalDialog title={t('voice.recordings.deleteRangeTitle')} onClose={onClose}>
      <div className="space-y-3 text-sm">
        <p>{t('voice.recordings.deleteRangeHint')}</p>
        <div className="flex flex-wrap gap-3">
          <label>
            {t('voice.filter.from')}
            <input
              type="datetime-local"
              value={fromText}
              onChange={(e) => setFromText(e.target.value)}
              className={field}
            />
          </label>
          <label>
            {t('voice.filter.to')}
            <input
              type="datetime-local"
              value={toText}
              onChange={(e) => setToText(e.target.value)}
              className={field}
            />
          </label>
        </div>
        <p role="status" data-testid="delete-range-count">
          {!to
            ? t('voice.recordings.deleteRangeNeedsTo')
            : count === null
              ? error
                ? ''
                : t('voice.recordings.counting')
              : count.count === 0
                ? t('voice.recordings.deleteRangeNone')
                : t('voice.recordings.deleteRangeCount', {
                    count: count.count,
                    size: formatBytes(count.bytes, locale),
                  })}
        </p>
        {error && (
          <p role="alert" className="text-red-700">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <button type="button" onClick={onClose} className="rounded border border-slate-300 px-3 py-1">
            {t('common.back')}
          </button>
          <button
            type="button"
            disabled={busy || !count || count.count === 0}
            onClick={() => void confirm()}
            className="rounded bg-red-600 px-3 py-1 font-medium text-white disabled:opacity-50"
          >
            {t('voice.recordings.deleteRangeConfirm', { count: count?.count ?? 0 })}
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}

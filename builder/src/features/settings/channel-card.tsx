import { useId, useState } from 'react';
import { ApiError, client, done, ok } from '../../api/client.ts';
import type { ChannelSettingsView } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { ConfirmDialog } from '../../ui/confirm-dialog.tsx';
import { ChannelForm } from './channel-form.tsx';
import { WebhookList } from './webhook-list.tsx';
import { runErrorText } from '../runs/run-error-text.ts';
import { webhookUrls } from './webhook-urls.ts';

type Notice = { kind: 'ok' | 'failed'; text: string } | null;

/**
 * One channel: the provider in use and where it comes from, the webhook URLs to paste at the
 * provider, the form to change it, and for saved settings "Test connection" (SMPP) and "Remove".
 */
export function ChannelCard({
  view,
  onSaved,
  onRemoved,
}: {
  view: ChannelSettingsView;
  onSaved: (saved: ChannelSettingsView) => void;
  onRemoved: () => void;
}) {
  const t = useT();
  const titleId = useId();
  const [notice, setNotice] = useState<Notice>(null);
  const [testing, setTesting] = useState(false);
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const channelName = t(`channels.name.${view.channel}`);
  const providerName = view.provider
    ? t(`channels.provider.${view.provider}`)
    : t(view.source === 'none' ? 'channels.provider.none' : 'channels.provider.builtIn');
  const urls = webhookUrls(view, window.location.origin);
  const saved = view.source === 'settings';

  async function testConnection() {
    setTesting(true);
    setNotice(null);
    try {
      const result = await ok(
        client.POST('/channels/{channel}/test', { params: { path: { channel: view.channel } } }),
      );
      // A code the builder knows is said in the reader's words, followed by what the provider
      // answered (an admin needs "535 bad login"); another keeps the provider's text.
      const known = runErrorText(t, { code: result.code, message: '' });
      const message = known
        ? result.message
          ? `${known} (${result.message})`
          : known
        : result.code
          ? `${result.code}: ${result.message}`
          : result.message;
      setNotice({
        kind: result.ok ? 'ok' : 'failed',
        text: t(result.ok ? 'channels.testOk' : 'channels.testFailed', { message }),
      });
    } catch (error) {
      const message = error instanceof ApiError ? error.message : String(error);
      setNotice({ kind: 'failed', text: t('channels.testFailed', { message }) });
    } finally {
      setTesting(false);
    }
  }

  return (
    <article aria-labelledby={titleId} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h3 id={titleId} className="text-lg font-semibold">
          {channelName}
        </h3>
        <span className="text-sm">
          <span className="text-slate-600">{t('channels.inUse')}: </span>
          <strong data-testid="provider-in-use">{providerName}</strong>
        </span>
        {/* The built-in web chat has no provider to come from anywhere: no badge. */}
        {view.provider && (
          <span
            data-source={view.source}
            className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700 data-[source=settings]:bg-indigo-50 data-[source=settings]:text-indigo-800"
          >
            {t(`channels.source.${view.source}`)}
          </span>
        )}
      </header>
      <p className="text-sm text-slate-600">
        {view.channel === 'webchat' ? t('channels.webchatBuiltIn') : t(`channels.sourceHint.${view.source}`)}
      </p>
      {urls.length > 0 && <WebhookList urls={urls} />}
      {view.channel !== 'webchat' && (
        <ChannelForm
          // A save or a removal changes updatedAt or source: the form starts over from the API's view.
          key={`${view.source}:${view.updatedAt ?? ''}`}
          view={view}
          onSaved={(next) => {
            onSaved(next);
            setNotice({ kind: 'ok', text: t('channels.saved') });
          }}
        />
      )}
      <div className="flex flex-wrap items-center gap-2">
        {saved && (
          <>
            {(view.provider === 'smpp' || view.provider === 'smtp') && (
              <button
                type="button"
                disabled={testing}
                onClick={() => void testConnection()}
                className="rounded border border-slate-300 px-3 py-1 text-sm disabled:opacity-50"
              >
                {testing ? t('channels.testing') : t('channels.test')}
              </button>
            )}
            <button
              type="button"
              onClick={() => setConfirmingRemove(true)}
              className="rounded border border-red-300 px-3 py-1 text-sm text-red-700"
            >
              {t('channels.remove')}
            </button>
          </>
        )}
        <p
          role="status"
          data-kind={notice?.kind}
          className="text-sm data-[kind=failed]:text-red-700 data-[kind=ok]:text-green-700"
        >
          {notice?.text}
        </p>
      </div>
      {confirmingRemove && (
        <ConfirmDialog
          title={t('channels.removeTitle', { channel: channelName })}
          confirmLabel={t('channels.removeConfirm')}
          danger
          onClose={() => setConfirmingRemove(false)}
          onConfirm={async () => {
            await done(client.DELETE('/channels/{channel}', { params: { path: { channel: view.channel } } }));
            setConfirmingRemove(false);
            setNotice({ kind: 'ok', text: t('channels.removed') });
            onRemoved();
          }}
        >
          <p>{t('channels.removeBody', { channel: channelName })}</p>
        </ConfirmDialog>
      )}
    </article>
  );
}

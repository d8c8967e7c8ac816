import { useState } from 'react';
import { client, done, ok } from '../../api/client.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { useLocale, useT } from '../../i18n/use-i18n.ts';
import { ChannelIcon } from './channel-icon.tsx';
import { contactChannels, type Contact } from './contact-types.ts';

const button = 'rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-50';

/**
 * A person's addresses with their consent and opt-out; editors record consent (by hand), opt
 * out or back in, remove an address, or add one.
 */
export function AddressList({
  contact,
  canEdit,
  onChanged,
}: {
  contact: Contact;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [channel, setChannel] = useState<(typeof contactChannels)[number]>('sms');
  const [address, setAddress] = useState('');
  const [consent, setConsent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const when = (iso: string) => new Date(iso).toLocaleString(locale);

  async function act(action: Promise<unknown>) {
    setError(null);
    try {
      await action;
      onChanged();
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    }
  }
  const patch = (addressId: string, body: { consent?: { source: 'manual' } | null; optedOut?: boolean }) =>
    void act(
      ok(
        client.PATCH('/contacts/{id}/addresses/{addressId}', {
          params: { path: { id: contact.id, addressId } },
          body,
        }),
      ),
    );

  return (
    <section aria-label={t('contacts.detail.addresses')} className="space-y-2">
      <h2 className="font-semibold">{t('contacts.detail.addresses')}</h2>
      {contact.addresses.length === 0 && (
        <p className="text-sm text-slate-600">{t('contacts.detail.noAddresses')}</p>
      )}
      <ul className="space-y-2">
        {contact.addresses.map((a) => (
          <li key={a.id} className="flex items-start gap-2 text-sm" data-address={a.address}>
            <ChannelIcon channel={a.channel} label={t(`contacts.channel.${a.channel}`)} />
            <div className="flex-1">
              <div className="font-mono">{a.address}</div>
              <div className="text-xs text-slate-600">
                {a.consent
                  ? t('contacts.consent.given', {
                      source: t(`contacts.source.${a.consent.source}` as MessageKey),
                      time: when(a.consent.at),
                    })
                  : t('contacts.consent.none')}
              </div>
              {a.optedOut && (
                <div className="text-xs font-medium text-red-700">
                  {t('contacts.consent.optedOut', { time: when(a.optedOut.at) })}
                </div>
              )}
              {canEdit && (
                <div className="mt-1 flex flex-wrap gap-1">
                  <button
                    type="button"
                    className={button}
                    onClick={() => patch(a.id, { consent: a.consent ? null : { source: 'manual' } })}
                  >
                    {t(a.consent ? 'contacts.consent.withdraw' : 'contacts.consent.record')}
                  </button>
                  <button
                    type="button"
                    className={button}
                    onClick={() => patch(a.id, { optedOut: !a.optedOut })}
                  >
                    {t(a.optedOut ? 'contacts.consent.optIn' : 'contacts.consent.optOut')}
                  </button>
                  <button
                    type="button"
                    className={button}
                    aria-label={t('contacts.address.remove', { address: a.address })}
                    onClick={() =>
                      void act(
                        done(
                          client.DELETE('/contacts/{id}/addresses/{addressId}', {
                            params: { path: { id: contact.id, addressId: a.id } },
                          }),
                        ),
                      )
                    }
                  >
                    ✕
                  </button>
                </div>
              )}
            </div>
          </li>
        ))}
      </ul>
      {canEdit && (
        <form
          className="space-y-1"
          onSubmit={(e) => {
            e.preventDefault();
            void act(
              ok(
                client.POST('/contacts/{id}/addresses', {
                  params: { path: { id: contact.id } },
                  body: { channel, address, ...(consent ? { consent: { source: 'manual' } } : {}) },
                }),
              ),
            ).then((saved) => {
              if (saved) {
                setAddress('');
                setConsent(false);
              }
            });
          }}
        >
          <div className="flex gap-2">
            <select
              aria-label={t('contacts.filter.channel')}
              className="rounded border border-slate-300 px-2 py-1 text-sm"
              value={channel}
              onChange={(e) => setChannel(e.target.value as typeof channel)}
            >
              {contactChannels.map((c) => (
                <option key={c} value={c}>
                  {t(`contacts.channel.${c}`)}
                </option>
              ))}
            </select>
            <input
              aria-label={t('contacts.address.value')}
              className="min-w-0 flex-1 rounded border border-slate-300 px-2 py-1 text-sm"
              value={address}
              onChange={(e) => setAddress(e.target.value)}
            />
            <button
              type="submit"
              className="shrink-0 whitespace-nowrap rounded bg-indigo-600 px-2 py-1 text-sm text-white"
            >
              {t('contacts.address.add')}
            </button>
          </div>
          <label className="flex items-center gap-2 text-xs">
            <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />
            {t('contacts.address.withConsent')}
          </label>
        </form>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </section>
  );
}

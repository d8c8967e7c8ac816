import { useState } from 'react';
import { client, ok } from '../../api/client.ts';
import type { MessagingChannel, SandboxInbound, SandboxInboundResult } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { channels } from './channels.ts';
import { PhoneScreen, type PhoneReply } from './phone-screen.tsx';
import { SendOutcome } from './send-outcome.tsx';
import { BrowserPhonePanel } from '../browser-phone/browser-phone-panel.tsx';
import { minAddressLength, useConversation } from './use-conversation.ts';

export const defaultNumber = '+34600000000';
export const numberKey = 'omniflow.phone.number';
export const channelKey = 'omniflow.phone.channel';

const isChannel = (value: string | null): value is MessagingChannel => channels.some((c) => c === value);

/**
 * The sandbox phone (`#/phone`): a designer talks to their published flows as a person would on
 * WhatsApp, SMS or web chat, sees the bot's replies with their ticks, and learns where each
 * message went.
 */
export function PhonePage() {
  const t = useT();
  const [channel, setChannel] = useState<MessagingChannel>(() => {
    const stored = localStorage.getItem(channelKey);
    return isChannel(stored) ? stored : 'whatsapp';
  });
  const [number, setNumber] = useState(() => localStorage.getItem(numberKey) ?? defaultNumber);
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<{ result: SandboxInboundResult; channel: MessagingChannel } | null>(
    null,
  );
  const [sendError, setSendError] = useState<string | null>(null);
  const conversation = useConversation(channel, number);
  const address = number.trim();
  const addressValid = address.length >= minAddressLength;

  function pickChannel(next: MessagingChannel) {
    setChannel(next);
    localStorage.setItem(channelKey, next);
    setOutcome(null);
    setSendError(null);
  }

  function changeNumber(next: string) {
    setNumber(next);
    localStorage.setItem(numberKey, next);
    setOutcome(null);
    setSendError(null);
  }

  async function send(reply: PhoneReply): Promise<boolean> {
    if (!addressValid) return false;
    setSending(true);
    setSendError(null);
    try {
      const body: SandboxInbound = { channel, from: address, ...reply };
      const result = await ok(client.POST('/sandbox/messages', { body }));
      setOutcome({ result, channel });
      return true;
    } catch (e) {
      setSendError((e as Error).message);
      return false;
    } finally {
      setSending(false);
    }
  }

  const channelName = t(`phone.channel.${channel}`);

  return (
    <main className="mx-auto flex max-w-5xl flex-wrap gap-8 p-6">
      <div className="min-w-64 flex-1 space-y-4">
        <h1 className="text-2xl font-semibold">{t('phone.title')}</h1>
        <p className="text-sm text-slate-600">{t('phone.intro')}</p>
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">{t('phone.channel')}</legend>
          <div className="inline-flex overflow-hidden rounded border border-slate-300 bg-white text-sm">
            {channels.map((c) => (
              <label
                key={c}
                className="cursor-pointer px-3 py-1 has-[:checked]:bg-indigo-600 has-[:checked]:text-white has-[:focus-visible]:ring-2"
              >
                <input
                  type="radio"
                  name="phone-channel"
                  value={c}
                  checked={channel === c}
                  onChange={() => pickChannel(c)}
                  className="sr-only"
                />
                {t(`phone.channel.${c}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="block text-sm font-medium">
          {t('phone.number')}
          <input
            value={number}
            onChange={(e) => changeNumber(e.target.value)}
            aria-invalid={!addressValid || undefined}
            aria-describedby="phone-number-hint"
            inputMode="tel"
            className={`mt-1 block w-56 rounded border px-2 py-1 font-mono ${addressValid ? 'border-slate-300' : 'border-red-500'}`}
          />
        </label>
        <p id="phone-number-hint" className="text-xs text-slate-600">
          {t('phone.numberHint')}
        </p>
        <div aria-live="polite" role="status">
          {outcome && <SendOutcome result={outcome.result} channel={outcome.channel} />}
        </div>
        {sendError && (
          <p role="alert" className="text-sm text-red-700">
            {t('phone.sendFailed', { message: sendError })}
          </p>
        )}
        <BrowserPhonePanel />
        {conversation.error && (
          <p role="alert" className="text-sm text-red-700">
            {t('phone.loadFailed', { message: conversation.error })}
          </p>
        )}
      </div>

      <PhoneScreen
        channel={channel}
        title={t('phone.conversation', { number: address || '…', channel: channelName })}
        conversation={addressValid ? conversation : undefined}
        sending={sending}
        disabled={!addressValid}
        emptyText={t('phone.empty')}
        onSend={send}
      />
    </main>
  );
}

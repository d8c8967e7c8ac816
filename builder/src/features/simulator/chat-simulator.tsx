import { useState } from 'react';
import { ApiError, client, ok } from '../../api/client.ts';
import type { MessagingChannel, SandboxInbound } from '../../api/types.ts';
import { useT } from '../../i18n/use-i18n.ts';
import { PhoneScreen, type PhoneReply } from '../phone/phone-screen.tsx';
import { useConversation } from '../phone/use-conversation.ts';

export interface SimulatorConversation {
  channel: MessagingChannel;
  address: string;
}

/**
 * The simulator of a chat flow: the phone of the person writing to it, on the sandbox. The first
 * message starts a test run of the draft as a conversation with an address of its own; the
 * replies go through the sandbox like a phone's (`POST /sandbox/messages`), so the bot's messages,
 * buttons and ticks look as they will on the channel, and no real person is written to.
 */
export function ChatSimulator({
  flowId,
  channel,
  conversation,
  live,
  beforeRun,
  onStarted,
  onSent,
  onProblem,
}: {
  flowId: string;
  channel: MessagingChannel;
  /** The test run's conversation, once the first message started one. */
  conversation: SimulatorConversation | null;
  /** The run still takes messages (running or waiting). */
  live: boolean;
  beforeRun: () => Promise<void>;
  onStarted: (runId: string, conversation: SimulatorConversation) => void;
  onSent: () => void;
  onProblem: (message: string | null) => void;
}) {
  const t = useT();
  const [sending, setSending] = useState(false);
  const shown = conversation && conversation.channel === channel ? conversation : null;
  const messages = useConversation(channel, shown?.address ?? '');

  async function send(reply: PhoneReply): Promise<boolean> {
    setSending(true);
    onProblem(null);
    try {
      if (shown && live) {
        const body: SandboxInbound = { channel, from: shown.address, ...reply };
        await ok(client.POST('/sandbox/messages', { body }));
        onSent();
      } else {
        await beforeRun();
        const started = await ok(
          client.POST('/flows/{id}/test-runs', {
            params: { path: { id: flowId } },
            body: { message: { channel, ...reply } },
          }),
        );
        if (started.conversation) onStarted(started.id, started.conversation);
      }
      return true;
    } catch (e) {
      onProblem(
        e instanceof ApiError && e.status === 422
          ? t('simulator.fixFirst', { message: e.message })
          : (e as Error).message,
      );
      return false;
    } finally {
      setSending(false);
    }
  }

  return (
    <PhoneScreen
      channel={channel}
      title={t('simulator.chatTitle', { channel: t(`phone.channel.${channel}`) })}
      conversation={shown ? messages : undefined}
      sending={sending}
      disabled={false}
      emptyText={shown && !live ? t('simulator.chatEnded') : t('simulator.chatEmpty')}
      className="h-[420px] w-full rounded-2xl border-4"
      onSend={send}
    />
  );
}

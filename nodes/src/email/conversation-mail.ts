import type { OutboundEmail, ReplyButton } from '../sdk/channels.ts';
import type { ActivityDeps, TemplateScope } from '../sdk/types.ts';
import { mailToAnswer, startedByMail, threadHeaders } from './mail-thread.ts';

/**
 * What message.send and message.ask add to a message going by mail. To the person the run is
 * talking with by mail it goes in their thread; otherwise it starts one, its subject the text's
 * first line.
 */
export async function conversationMail(
  to: string,
  text: string,
  scope: TemplateScope,
  deps: ActivityDeps,
): Promise<OutboundEmail> {
  const parent = await mailToAnswer(scope, deps);
  if (parent && parent.from.toLowerCase() === to.toLowerCase())
    return {
      ...threadHeaders(parent),
      // RFC 3834 §5: the flow answers by itself a mail someone sent.
      ...(startedByMail(scope) ? { autoSubmitted: 'auto-replied' as const } : {}),
    };
  return { subject: firstLine(text) };
}

/** A subject from a text: its first line, cut at a word near 78 characters (RFC 5322 §2.1.1). */
function firstLine(text: string): string {
  const line = text.trim().split('\n')[0]?.trim() ?? '';
  if (line.length <= 78) return line;
  const cut = line.slice(0, 77);
  const space = cut.lastIndexOf(' ');
  return `${space > 40 ? cut.slice(0, space) : cut}…`;
}

/** Options as numbered lines under the text: a person answers a mail with the number or the title. */
export function withNumberedOptions(text: string, buttons: readonly ReplyButton[]): string {
  if (buttons.length === 0) return text;
  return `${text}\n\n${buttons.map((b, i) => `${i + 1}. ${b.title}`).join('\n')}`;
}

/** The file name at the end of a URL's path, for an attachment fetched from it. */
export function fileNameOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || 'attachment';
  } catch {
    return 'attachment';
  }
}

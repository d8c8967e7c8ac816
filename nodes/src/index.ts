import type { AnyNodeDefinition } from './sdk/types.ts';
import { flowStart } from './flow/start.node.ts';
import { flowEnd } from './flow/end.node.ts';
import { flowCall } from './flow/call.node.ts';
import { logicSet } from './logic/set.node.ts';
import { logicSplit } from './logic/split.node.ts';
import { logicAbSplit } from './logic/ab-split.node.ts';
import { logicWait } from './logic/wait.node.ts';
import { logicWaitForEvent } from './logic/wait-for-event.node.ts';
import { logicBusinessHours } from './logic/business-hours.node.ts';
import { logicCode } from './logic/code.node.ts';
import { aiChat } from './ai/chat.node.ts';
import { httpRequest } from './http/request.node.ts';
import { httpWebhook } from './http/webhook.node.ts';
import { httpRespond } from './http/respond.node.ts';
import { messageSend } from './messaging/send.node.ts';
import { messageInbound, inboundMatches } from './messaging/inbound.node.ts';
import { messageAsk } from './messaging/ask.node.ts';
import { messageTemplate } from './messaging/template.node.ts';
import { contactUpdate } from './contact/update.node.ts';
import { conversationHandoff } from './messaging/handoff.node.ts';
import { voiceInboundCall, answersCall } from './voice/inbound-call.node.ts';
import { voiceSay } from './voice/say.node.ts';
import { voicePlay } from './voice/play.node.ts';
import { voiceMenu } from './voice/menu.node.ts';
import { voiceGather } from './voice/gather.node.ts';
import { voiceRecord } from './voice/record.node.ts';
import { voiceHangup } from './voice/hangup.node.ts';
import { voiceTransfer } from './voice/transfer.node.ts';
import { voiceEnqueue } from './voice/enqueue.node.ts';
import { emailInbound, emailInboundMatches, autoReplyPeriodMs } from './email/inbound.node.ts';
import { emailSend } from './email/send.node.ts';
import { emailReply } from './email/reply.node.ts';

export const builtinNodes: readonly AnyNodeDefinition[] = [
  flowStart,
  flowEnd,
  flowCall,
  logicSet,
  logicSplit,
  logicAbSplit,
  logicWait,
  logicWaitForEvent,
  logicBusinessHours,
  logicCode,
  aiChat,
  httpRequest,
  httpWebhook,
  httpRespond,
  messageSend,
  messageInbound,
  messageAsk,
  messageTemplate,
  contactUpdate,
  conversationHandoff,
  voiceInboundCall,
  voiceSay,
  voicePlay,
  voiceMenu,
  voiceGather,
  voiceRecord,
  voiceHangup,
  voiceTransfer,
  voiceEnqueue,
  emailInbound,
  emailSend,
  emailReply,
] as readonly AnyNodeDefinition[];

export {
  flowStart,
  flowEnd,
  flowCall,
  logicSet,
  logicSplit,
  logicAbSplit,
  logicWait,
  logicWaitForEvent,
  logicBusinessHours,
  logicCode,
  aiChat,
  httpRequest,
  httpWebhook,
  httpRespond,
  messageSend,
  messageInbound,
  messageAsk,
  messageTemplate,
  contactUpdate,
  conversationHandoff,
  inboundMatches,
  voiceInboundCall,
  voiceSay,
  voicePlay,
  voiceMenu,
  voiceGather,
  voiceRecord,
  voiceHangup,
  voiceTransfer,
  voiceEnqueue,
  answersCall,
  emailInbound,
  emailSend,
  emailReply,
  emailInboundMatches,
  autoReplyPeriodMs,
};
export { replyText } from './email/reply-text.ts';
export { threadIds } from './email/mail-thread.ts';
export { agentQueues, type AgentQueues } from './voice/agent-queue.ts';

export { WebChatDriver, type WebChatDriverOptions } from './webchat-driver.ts';
export { WebChatHub, type WebChatListener } from './webchat-hub.ts';
export { issueSessionToken, verifySessionToken, newSessionId } from './session-token.ts';
export { renderWebChatMessage } from './render-webchat-message.ts';
export { webChatInboundBody, type WebChatInboundBody } from './inbound-body.ts';
export type { WebChatChip, WebChatEvent, WebChatMessage } from './webchat-events.ts';

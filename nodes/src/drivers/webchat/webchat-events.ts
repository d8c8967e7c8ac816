// What the server says to a widget over its live connection (WebSocket frame or SSE event).
// The widget (builder/widget) keeps its own copy of these shapes: browser code never imports ours.

export interface WebChatChip {
  id: string;
  title: string;
}

/** One message as the widget shows it, from either side. */
export interface WebChatMessage {
  /** Stable across replays (the provider message id), so the widget can drop duplicates. */
  id: string;
  from: 'bot' | 'visitor';
  text?: string;
  /** Quick replies shown as chips under the message; choosing one sends its id. */
  chips?: WebChatChip[];
  media?: { kind: 'image' | 'audio' | 'video' | 'document'; url: string; caption?: string };
  at: string;
}

export type WebChatEvent =
  | { type: 'history'; messages: WebChatMessage[] }
  | { type: 'message'; message: WebChatMessage }
  | { type: 'typing'; on: boolean };

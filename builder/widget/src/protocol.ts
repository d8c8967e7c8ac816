// The server's web chat protocol as the widget sees it (the server's copy lives in
// nodes/src/drivers/webchat/webchat-events.ts; browser code never imports server code).

export interface ChatChip {
  id: string;
  title: string;
}

export interface ChatMessage {
  id: string;
  from: 'bot' | 'visitor';
  text?: string;
  chips?: ChatChip[];
  media?: { kind: 'image' | 'audio' | 'video' | 'document'; url: string; caption?: string };
  at: string;
}

export type ServerEvent =
  | { type: 'history'; messages: ChatMessage[] }
  | { type: 'message'; message: ChatMessage }
  | { type: 'typing'; on: boolean }
  | { type: 'ack'; clientMessageId: string }
  | { type: 'error'; clientMessageId: string | null; code: string; message: string };

export interface Session {
  sessionId: string;
  token: string;
}

/** What the visitor sends: typed text, or a chip (its id, and its title to show). */
export interface Outgoing {
  clientMessageId: string;
  text: string;
  choiceId?: string;
}

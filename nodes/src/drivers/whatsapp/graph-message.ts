// The body of POST /{version}/{phone-number-id}/messages, as Meta publishes it for the Cloud API
// (developers.facebook.com/documentation/business-messaging/whatsapp/messages/…).

export type GraphMediaKind = 'image' | 'audio' | 'video' | 'document';

/** A media object sent by link; `caption` is not allowed on audio. */
export interface GraphMediaObject {
  link: string;
  caption?: string;
}

export type GraphInteractiveHeader =
  | { type: 'text'; text: string }
  | { type: 'image'; image: { link: string } }
  | { type: 'video'; video: { link: string } }
  | { type: 'document'; document: { link: string } };

export interface GraphButtonInteractive {
  type: 'button';
  header?: GraphInteractiveHeader;
  body: { text: string };
  action: { buttons: { type: 'reply'; reply: { id: string; title: string } }[] };
}

export interface GraphListInteractive {
  type: 'list';
  body: { text: string };
  action: {
    button: string;
    sections: { title?: string; rows: { id: string; title: string; description?: string }[] }[];
  };
}

export interface GraphTemplate {
  name: string;
  language: { code: string };
  components?: { type: 'body'; parameters: { type: 'text'; text: string }[] }[];
}

export type GraphMessageContent =
  | { type: 'text'; text: { body: string } }
  | { type: 'interactive'; interactive: GraphButtonInteractive | GraphListInteractive }
  | { type: 'template'; template: GraphTemplate }
  | { type: 'image'; image: GraphMediaObject }
  | { type: 'audio'; audio: GraphMediaObject }
  | { type: 'video'; video: GraphMediaObject }
  | { type: 'document'; document: GraphMediaObject };

export type GraphMessage = {
  messaging_product: 'whatsapp';
  recipient_type: 'individual';
  to: string;
} & GraphMessageContent;

/** A successful send answer: the wamid to track delivery reports by. */
export interface GraphSendAnswer {
  messaging_product: 'whatsapp';
  contacts: { input: string; wa_id: string }[];
  messages: { id: string; message_status?: string }[];
}

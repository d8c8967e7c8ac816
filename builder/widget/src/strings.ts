/** Everything the widget says, in the languages the product speaks (es, en). */
export const strings = {
  es: {
    open: 'Abrir el chat',
    close: 'Cerrar el chat',
    placeholder: 'Escribe un mensaje…',
    send: 'Enviar',
    typing: 'Escribiendo…',
    reconnecting: 'Reconectando…',
    offline: 'Sin conexión. Reintentando…',
    notSent: 'No se pudo enviar. Toca para reintentar.',
    title: 'Chat',
    messages: 'Mensajes',
    options: 'Opciones',
  },
  en: {
    open: 'Open chat',
    close: 'Close chat',
    placeholder: 'Type a message…',
    send: 'Send',
    typing: 'Typing…',
    reconnecting: 'Reconnecting…',
    offline: 'Offline. Retrying…',
    notSent: 'Not sent. Tap to retry.',
    title: 'Chat',
    messages: 'Messages',
    options: 'Options',
  },
} as const;

export type Language = keyof typeof strings;
export type Strings = (typeof strings)[Language];

/** The page's choice (data-lang), else the browser's; Spanish unless English is asked for. */
export function pickLanguage(requested: string | undefined, browser: string): Language {
  return (requested || browser || 'es').slice(0, 2).toLowerCase() === 'en' ? 'en' : 'es';
}

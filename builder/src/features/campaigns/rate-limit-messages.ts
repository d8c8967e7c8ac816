// What holds a campaign's pace back, under its forecast; merged into the app catalog
// (src/i18n/catalog.ts).
export const rateLimitMessages = {
  en: {
    'campaigns.limitedBy.account':
      'Paced by your sending account’s limit (Settings → Channels), shared by every campaign on that account.',
    'campaigns.limitedBy.installation': 'Paced by this server’s limit for the channel.',
  },
  es: {
    'campaigns.limitedBy.account':
      'Va al ritmo que permite tu cuenta de envío (Ajustes → Canales), compartido por todas las campañas de esa cuenta.',
    'campaigns.limitedBy.installation': 'Va al ritmo máximo que este servidor permite para el canal.',
  },
} as const;

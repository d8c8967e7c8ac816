// Strings of Settings → Campaigns and contacts; merged into the app catalog (src/i18n/catalog.ts).
export const campaignSettingsMessages = {
  en: {
    'campaignSettings.title': 'Campaigns and contacts',
    'campaignSettings.intro':
      'Defaults for imports and for every campaign; a campaign may set its own quiet hours.',
    'campaignSettings.country': 'Default country of phone numbers',
    'campaignSettings.countryHint':
      'Numbers written without +code (imports, forms) are read as numbers of this country.',
    'campaignSettings.noCountry': 'None: numbers need their +code',
    'campaignSettings.timezone': 'Time zone',
    'campaignSettings.timezoneHint':
      'Campaigns send “at 09:00 local time” in this zone to people whose own zone is unknown.',
    'campaignSettings.timezoneSearch': 'Search time zones',
    'campaignSettings.timezoneNone': 'No zone chosen: UTC is used',
    'campaignSettings.timezoneNow': 'Local time there now: {time}',
    'campaignSettings.timezoneNoMatch': 'No time zone matches “{search}”',
    'campaignSettings.quiet': 'Quiet hours',
    'campaignSettings.quietOn': 'Send nothing at night',
    'campaignSettings.quietFrom': 'From',
    'campaignSettings.quietTo': 'Until',
    'campaignSettings.quietHint':
      'In each person’s local time. Messages due then wait for the end of the quiet hours.',
    'campaignSettings.quietSame': 'The start and the end must differ',
    'campaignSettings.cap': 'Frequency cap',
    'campaignSettings.capOn': 'Limit marketing messages per person',
    'campaignSettings.capSentence': 'At most {messages} marketing messages every {days} days',
    'campaignSettings.capMessages': 'Messages',
    'campaignSettings.capDays': 'Days',
    'campaignSettings.capSummary.one.one':
      'Nobody gets more than 1 marketing message in any 1 day, across campaigns and channels.',
    'campaignSettings.capSummary.one.many':
      'Nobody gets more than 1 marketing message in any {days} days, across campaigns and channels.',
    'campaignSettings.capSummary.many.one':
      'Nobody gets more than {messages} marketing messages in any 1 day, across campaigns and channels.',
    'campaignSettings.capSummary.many.many':
      'Nobody gets more than {messages} marketing messages in any {days} days, across campaigns and channels.',
    'campaignSettings.capInvalid': 'From 1 to 1000 messages every 1 to 365 days',
    'campaignSettings.capOff': 'No cap: people get every campaign they are in.',
  },
  es: {
    'campaignSettings.title': 'Campañas y contactos',
    'campaignSettings.intro':
      'Valores por defecto para las importaciones y todas las campañas; una campaña puede fijar su propio horario de silencio.',
    'campaignSettings.country': 'País por defecto de los teléfonos',
    'campaignSettings.countryHint':
      'Los números escritos sin +prefijo (importaciones, formularios) se leen como números de este país.',
    'campaignSettings.noCountry': 'Ninguno: los números llevan su +prefijo',
    'campaignSettings.timezone': 'Zona horaria',
    'campaignSettings.timezoneHint':
      'Las campañas envían «a las 09:00 hora local» en esta zona a quienes no tienen zona propia.',
    'campaignSettings.timezoneSearch': 'Buscar zonas horarias',
    'campaignSettings.timezoneNone': 'Sin zona elegida: se usa UTC',
    'campaignSettings.timezoneNow': 'Hora local allí ahora: {time}',
    'campaignSettings.timezoneNoMatch': 'Ninguna zona horaria coincide con «{search}»',
    'campaignSettings.quiet': 'Horario de silencio',
    'campaignSettings.quietOn': 'No enviar nada de noche',
    'campaignSettings.quietFrom': 'Desde',
    'campaignSettings.quietTo': 'Hasta',
    'campaignSettings.quietHint':
      'En la hora local de cada persona. Los mensajes que tocaban entonces esperan al final del silencio.',
    'campaignSettings.quietSame': 'El inicio y el final deben ser distintos',
    'campaignSettings.cap': 'Límite de frecuencia',
    'campaignSettings.capOn': 'Limitar los mensajes de marketing por persona',
    'campaignSettings.capSentence': 'Como máximo {messages} mensajes de marketing cada {days} días',
    'campaignSettings.capMessages': 'Mensajes',
    'campaignSettings.capDays': 'Días',
    'campaignSettings.capSummary.one.one':
      'Nadie recibe más de 1 mensaje de marketing en 1 día, sumando campañas y canales.',
    'campaignSettings.capSummary.one.many':
      'Nadie recibe más de 1 mensaje de marketing en {days} días, sumando campañas y canales.',
    'campaignSettings.capSummary.many.one':
      'Nadie recibe más de {messages} mensajes de marketing en 1 día, sumando campañas y canales.',
    'campaignSettings.capSummary.many.many':
      'Nadie recibe más de {messages} mensajes de marketing en {days} días, sumando campañas y canales.',
    'campaignSettings.capInvalid': 'De 1 a 1000 mensajes cada 1 a 365 días',
    'campaignSettings.capOff': 'Sin límite: cada persona recibe todas las campañas en las que está.',
  },
} as const;

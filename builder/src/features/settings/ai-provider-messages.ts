/** Settings → AI provider: the OpenAI-compatible endpoint the AI node calls. */
export const aiProviderMessages = {
  en: {
    'aiProvider.title': 'AI provider',
    'aiProvider.intro':
      'The AI node sends its questions to this OpenAI-compatible service. Without one, AI nodes end as failed.',
    'aiProvider.none': 'No AI provider yet.',
    'aiProvider.baseUrl': 'Service address',
    'aiProvider.baseUrlHint': 'Such as https://api.openai.com/v1 or your own server’s address.',
    'aiProvider.badUrl': 'Write a full address that starts with https:// or http://',
    'aiProvider.model': 'Model',
    'aiProvider.noModel': 'Write the model’s name',
    'aiProvider.apiKey': 'API key',
    'aiProvider.apiKeySaved':
      'A key is saved: it is never shown. Write a new one to replace it, or leave this empty to keep it.',
    'aiProvider.apiKeyNone': 'No key saved. Leave it empty if the service needs none.',
    'aiProvider.removeKey': 'Remove the saved key',
    'aiProvider.save': 'Save',
    'aiProvider.saving': 'Saving…',
    'aiProvider.saved': 'Saved',
    'aiProvider.remove': 'Remove the AI provider',
    'aiProvider.confirmRemove': 'Remove the AI provider? AI nodes end as failed until another is set.',
    'aiProvider.removed': 'Removed',
  },
  es: {
    'aiProvider.title': 'Proveedor de IA',
    'aiProvider.intro':
      'El nodo de IA envía sus preguntas a este servicio compatible con OpenAI. Sin él, los nodos de IA terminan como fallidos.',
    'aiProvider.none': 'Aún no hay proveedor de IA.',
    'aiProvider.baseUrl': 'Dirección del servicio',
    'aiProvider.baseUrlHint': 'Como https://api.openai.com/v1 o la dirección de tu propio servidor.',
    'aiProvider.badUrl': 'Escribe una dirección completa que empiece por https:// o http://',
    'aiProvider.model': 'Modelo',
    'aiProvider.noModel': 'Escribe el nombre del modelo',
    'aiProvider.apiKey': 'Clave de API',
    'aiProvider.apiKeySaved':
      'Hay una clave guardada: nunca se muestra. Escribe una nueva para reemplazarla o deja esto vacío para conservarla.',
    'aiProvider.apiKeyNone': 'No hay clave guardada. Déjalo vacío si el servicio no la necesita.',
    'aiProvider.removeKey': 'Quitar la clave guardada',
    'aiProvider.save': 'Guardar',
    'aiProvider.saving': 'Guardando…',
    'aiProvider.saved': 'Guardado',
    'aiProvider.remove': 'Quitar el proveedor de IA',
    'aiProvider.confirmRemove':
      '¿Quitar el proveedor de IA? Los nodos de IA terminan como fallidos hasta que se configure otro.',
    'aiProvider.removed': 'Quitado',
  },
} as const;

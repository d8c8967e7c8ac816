// Strings of a node's help (inspector) and its card's summary; merged into src/i18n/catalog.ts.
export const nodeHelpMessages = {
  en: {
    'nodeHelp.title': 'About this node',
    'nodeHelp.ports': 'Where it goes next',
    'nodeHelp.rowPort': 'Each option or branch',
    'nodeHelp.noPorts': 'The run ends here: nothing comes after this node.',
    'nodeHelp.docs': 'Documentation',
    'nodeHelp.docsLabel': 'Documentation of “{title}” (opens in a new tab)',
    'canvas.summary.more': '+{count} more',
  },
  es: {
    'nodeHelp.title': 'Sobre este nodo',
    'nodeHelp.ports': 'Por dónde sigue',
    'nodeHelp.rowPort': 'Cada opción o rama',
    'nodeHelp.noPorts': 'La ejecución termina aquí: después de este nodo no sigue nada.',
    'nodeHelp.docs': 'Documentación',
    'nodeHelp.docsLabel': 'Documentación de «{title}» (se abre en otra pestaña)',
    'canvas.summary.more': '+{count} más',
  },
} as const;

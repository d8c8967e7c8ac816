// Strings of what keeps a designer from losing work or making a mistake unnoticed: one-click
// problem fixes, save failures, leaving with unsaved changes, deleting the start node, refused
// connections. Merged into the app catalog (src/i18n/catalog.ts).
export const guardMessages = {
  en: {
    'guard.fix.hangup': 'End the call here',
    'guard.fix.end': 'End the conversation here',
    'guard.saveFailed': 'Not saved: {reason}',
    'guard.leaveUnsaved': 'Some changes are not saved yet. Leave anyway and lose them?',
    'guard.confirmDeleteTrigger': 'This is the start node: without it the flow never runs. Delete it anyway?',
    'guard.refused.self-loop':
      'A node cannot connect to itself. To ask again, go through another step (a message or a wait) and back.',
    'guard.refused.into-trigger': 'Nothing can lead back into the start node.',
    'guard.refused.port-taken':
      'That exit is already connected: one exit leads to one step. Delete its line first.',
  },
  es: {
    'guard.fix.hangup': 'Terminar la llamada aquí',
    'guard.fix.end': 'Terminar la conversación aquí',
    'guard.saveFailed': 'No guardado: {reason}',
    'guard.leaveUnsaved': 'Hay cambios sin guardar. ¿Salir de todos modos y perderlos?',
    'guard.confirmDeleteTrigger':
      'Este es el nodo de inicio: sin él el flujo nunca se ejecuta. ¿Borrarlo de todos modos?',
    'guard.refused.self-loop':
      'Un nodo no puede conectarse consigo mismo. Para volver a preguntar, pasa por otro paso (un mensaje o una espera) y vuelve.',
    'guard.refused.into-trigger': 'Nada puede volver al nodo de inicio.',
    'guard.refused.port-taken':
      'Esa salida ya está conectada: una salida lleva a un solo paso. Borra antes su línea.',
  },
} as const;

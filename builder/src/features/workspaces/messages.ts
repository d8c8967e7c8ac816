/** The workspace switcher in the app's header (es/en). */
export const workspacesMessages = {
  en: {
    'workspaces.label': 'Workspace',
    'workspaces.new': 'New workspace',
    'workspaces.newName': 'Name of the new workspace',
    'workspaces.create': 'Create',
    'workspaces.cancel': 'Cancel',
    'workspaces.failed': 'Could not change workspace: {message}',
  },
  es: {
    'workspaces.label': 'Espacio de trabajo',
    'workspaces.new': 'Nuevo espacio de trabajo',
    'workspaces.newName': 'Nombre del nuevo espacio de trabajo',
    'workspaces.create': 'Crear',
    'workspaces.cancel': 'Cancelar',
    'workspaces.failed': 'No se pudo cambiar de espacio de trabajo: {message}',
  },
} as const;

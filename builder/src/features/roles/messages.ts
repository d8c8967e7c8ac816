// What a person sees where their role stops them (not-allowed-page.tsx).
export const rolesMessages = {
  en: {
    'roles.notAllowedTitle': 'Not available to your role',
    'roles.notAllowed': 'Your role ({role}) does not open this page. Ask an admin if you need it.',
    'roles.backToFlows': 'Back to the flows',
    'roles.admin': 'admin',
    'roles.supervisor': 'supervisor',
    'roles.coordinator': 'coordinator',
    'roles.designer': 'designer',
    'roles.agent': 'agent',
    'roles.viewer': 'viewer',
  },
  es: {
    'roles.notAllowedTitle': 'No disponible para tu rol',
    'roles.notAllowed': 'Tu rol ({role}) no abre esta página. Pídesela a un administrador si la necesitas.',
    'roles.backToFlows': 'Volver a los flujos',
    'roles.admin': 'administrador',
    'roles.supervisor': 'supervisor',
    'roles.coordinator': 'coordinador',
    'roles.designer': 'diseñador',
    'roles.agent': 'agente',
    'roles.viewer': 'lector',
  },
} as const;

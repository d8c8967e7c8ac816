import { userRoles, type Role } from '@omniflow/db';

/**
 * What a caller may do, one name per kind of action. The route table
 * (api/route-permissions.ts) says which one each route needs; the matrix below says which roles
 * hold it. `what` finishes the sentence "Your role cannot …" in both languages.
 */
export const permissionInfo = {
  'flows:read': {
    en: 'see flows, their versions and the node catalogue',
    es: 'ver flujos, sus versiones y el catálogo de nodos',
  },
  'flows:edit': { en: 'create, change or delete flows', es: 'crear, cambiar o borrar flujos' },
  'flows:publish': { en: 'publish flows', es: 'publicar flujos' },
  'sandbox:use': {
    en: 'test flows in the sandbox (simulator, phone, mail catcher)',
    es: 'probar flujos en el entorno de pruebas (simulador, teléfono, buzón de pruebas)',
  },
  'runs:read': { en: 'see runs', es: 'ver ejecuciones' },
  'runs:start': { en: 'start runs or send events to them', es: 'iniciar ejecuciones o enviarles eventos' },
  'runs:operate': {
    en: 'cancel, replay or act on runs in bulk',
    es: 'cancelar, repetir o actuar en bloque sobre ejecuciones',
  },
  'messages:read': { en: 'read messages', es: 'leer mensajes' },
  'messages:send': { en: 'send messages through the API', es: 'enviar mensajes por la API' },
  'conversations:read': { en: 'read conversations', es: 'leer conversaciones' },
  'conversations:reply': { en: 'reply to or close conversations', es: 'responder o cerrar conversaciones' },
  'calls:read': { en: 'see calls', es: 'ver llamadas' },
  'recordings:read': { en: 'list or play call recordings', es: 'ver o escuchar grabaciones de llamadas' },
  'recordings:manage': {
    en: 'delete recordings or change their quota',
    es: 'borrar grabaciones o cambiar su cuota',
  },
  'contacts:read': { en: 'see contacts and lists', es: 'ver contactos y listas' },
  'contacts:edit': {
    en: 'add or change contacts, their addresses and consent',
    es: 'añadir o cambiar contactos, sus direcciones y consentimientos',
  },
  'contacts:erase': { en: 'erase or merge contacts', es: 'borrar o fusionar contactos' },
  'contacts:export': {
    en: 'export everything held about a contact',
    es: 'exportar todo lo que se guarda de un contacto',
  },
  'contact-fields:manage': { en: 'define contact fields', es: 'definir campos de contacto' },
  'segments:manage': { en: 'create or change segments and lists', es: 'crear o cambiar segmentos y listas' },
  'imports:manage': { en: 'import contacts', es: 'importar contactos' },
  'campaigns:read': { en: 'see campaigns', es: 'ver campañas' },
  'campaigns:manage': {
    en: 'create, change, delete or start campaigns',
    es: 'crear, cambiar, borrar o lanzar campañas',
  },
  'campaigns:control': {
    en: 'pause, resume or cancel campaigns',
    es: 'pausar, reanudar o cancelar campañas',
  },
  'templates:read': { en: 'see templates and recorded prompts', es: 'ver plantillas y audios grabados' },
  'templates:manage': { en: 'create, change or delete templates', es: 'crear, cambiar o borrar plantillas' },
  'voice-prompts:manage': {
    en: 'upload, rename or delete recorded prompts',
    es: 'subir, renombrar o borrar audios grabados',
  },
  'quotas:read': { en: 'see quotas', es: 'ver cuotas' },
  'reports:read': {
    en: 'see reports and dashboards, and download them',
    es: 'ver informes y paneles, y descargarlos',
  },
  'quotas:manage': { en: 'set or top up quotas', es: 'fijar o recargar cuotas' },
  'settings:read': { en: 'see the workspace settings', es: 'ver los ajustes del espacio de trabajo' },
  'settings:manage': {
    en: 'change the workspace settings',
    es: 'cambiar los ajustes del espacio de trabajo',
  },
  'channels:read': {
    en: 'check email deliverability and the web chat snippet',
    es: 'comprobar la entrega de correo y el código del chat web',
  },
  'channels:manage': {
    en: 'set up channels, mail domains, mailboxes and keys',
    es: 'configurar canales, dominios de correo, buzones y claves',
  },
  'api-keys:own': {
    en: 'create and revoke your own API keys',
    es: 'crear y revocar tus propias claves de API',
  },
  'api-keys:manage': {
    en: 'see and revoke everyone’s API keys',
    es: 'ver y revocar las claves de API de todos',
  },
  'users:manage': {
    en: 'invite people and change their roles',
    es: 'invitar a personas y cambiar sus roles',
  },
  'audit:read': { en: 'read and export the audit log', es: 'leer y exportar el registro de auditoría' },
  'webhooks:manage': {
    en: 'manage outbound webhooks',
    es: 'gestionar los webhooks salientes',
  },
  'reports:manage': {
    en: 'schedule reports to be e-mailed',
    es: 'programar el envío de informes por correo',
  },
  'backups:manage': {
    en: 'make, list and restore backups or export the workspace',
    es: 'hacer, listar y restaurar copias o exportar el espacio de trabajo',
  },
  'workspaces:manage': {
    en: 'create workspaces and manage their members',
    es: 'crear espacios de trabajo y gestionar sus miembros',
  },
} as const satisfies Record<string, { en: string; es: string }>;

export type Permission = keyof typeof permissionInfo;
export const permissions = Object.keys(permissionInfo) as Permission[];

/** What everyone signed in may do, whatever their role. */
const everyone: Permission[] = [
  'flows:read',
  'runs:read',
  'calls:read',
  'contacts:read',
  'campaigns:read',
  'templates:read',
  'quotas:read',
  'settings:read',
  'api-keys:own',
];

/**
 * THE permission matrix: each role and what it may do. Roles are not a ladder (a designer may
 * publish flows, a supervisor may not; a supervisor may replay runs, a designer may not), so a
 * role is exactly its list. The viewer reads no message bodies or recordings (sensitive reads).
 */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: permissions,
  supervisor: [
    ...everyone,
    'runs:start',
    'runs:operate',
    'messages:read',
    'messages:send',
    'conversations:read',
    'conversations:reply',
    'recordings:read',
    'contacts:edit',
    'campaigns:control',
    'reports:read',
    'reports:manage',
  ],
  coordinator: [
    ...everyone,
    // What they send (campaigns, the send API) they may follow to its delivery.
    'messages:read',
    'messages:send',
    'contacts:edit',
    'contact-fields:manage',
    'segments:manage',
    'imports:manage',
    'campaigns:manage',
    'campaigns:control',
    'templates:manage',
    'channels:read',
    'reports:read',
  ],
  designer: [
    ...everyone,
    'flows:edit',
    'flows:publish',
    'sandbox:use',
    'runs:start',
    'messages:read',
    'messages:send',
    'contact-fields:manage',
    'templates:manage',
    'voice-prompts:manage',
    'channels:read',
    // Their flows' figures (analytics on the canvas, IVR options chosen, messages delivered).
    'reports:read',
  ],
  // Agents answer people; the team's figures are for whoever leads them.
  agent: [...everyone, 'messages:read', 'conversations:read', 'conversations:reply'],
  viewer: [...everyone, 'reports:read'],
};

/** A role's name as a person reads it. */
export const roleNames: Record<Role, { en: string; es: string }> = {
  admin: { en: 'admin', es: 'administrador' },
  supervisor: { en: 'supervisor', es: 'supervisor' },
  coordinator: { en: 'coordinator', es: 'coordinador' },
  designer: { en: 'designer', es: 'diseñador' },
  agent: { en: 'agent', es: 'agente' },
  viewer: { en: 'viewer', es: 'lector' },
};

const sets = new Map<Role, ReadonlySet<Permission>>(
  userRoles.map((role) => [role, new Set(rolePermissions[role])]),
);

export function roleMay(role: Role, permission: Permission): boolean {
  return sets.get(role)?.has(permission) ?? false;
}

/** The roles that hold a permission, in the matrix's order. */
export function rolesWith(permission: Permission): Role[] {
  return userRoles.filter((role) => roleMay(role, permission));
}

/**
 * Whether `role` can do nothing `other` cannot: how "a key is never above its maker" reads now
 * that roles are not a ladder.
 */
export function roleWithin(role: Role, other: Role): boolean {
  return rolePermissions[role].every((permission) => roleMay(other, permission));
}

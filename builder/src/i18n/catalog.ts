import { campaignsMessages } from '../features/campaigns/messages.ts';
import { campaignAbMessages } from '../features/campaigns/ab-messages.ts';
import { rateLimitMessages } from '../features/campaigns/rate-limit-messages.ts';
import { canvasMessages } from '../features/canvas/messages.ts';
import { contactsMessages } from '../features/contacts/messages.ts';
import { dataProtectionMessages } from '../features/contacts/data-protection-messages.ts';
import { contactImportMessages } from '../features/contact-import/messages.ts';
import { editorMessages } from '../features/editor/messages.ts';
import { editorReadOnlyMessages } from '../features/editor/read-only-messages.ts';
import { flowLanguageMessages } from '../features/editor/flow-language-messages.ts';
import { inspectorMessages } from '../features/inspector/messages.ts';
import { durationMessages } from '../features/inspector/duration-messages.ts';
import { advancedMessages } from '../features/inspector/advanced-messages.ts';
import { mailEventMessages } from '../features/mail-events/messages.ts';
import { mailMessages } from '../features/mail/messages.ts';
import { phoneMessages } from '../features/phone/messages.ts';
import { runsMessages } from '../features/runs/messages.ts';
import { segmentsMessages } from '../features/segments/messages.ts';
import { sandboxMessages } from '../features/sandbox/messages.ts';
import { channelMessages } from '../features/settings/channel-messages.ts';
import { dkimMessages } from '../features/settings/dkim-messages.ts';
import { apiAccessMessages } from '../features/api-access/messages.ts';
import { deliverabilityMessages } from '../features/settings/deliverability-messages.ts';
import { imapMailboxMessages } from '../features/settings/imap-mailbox-messages.ts';
import { mailDomainsMessages } from '../features/settings/mail-domains-messages.ts';
import { settingsMessages } from '../features/settings/messages.ts';
import { campaignSettingsMessages } from '../features/settings/campaign-settings-messages.ts';
import { slaTargetMessages } from '../features/settings/sla-target-messages.ts';
import { simulatorMessages } from '../features/simulator/messages.ts';
import { triggerInputMessages } from '../features/simulator/trigger-input-messages.ts';
import { browserPhoneMessages } from '../features/browser-phone/messages.ts';
import { skipMessages } from '../features/runs/skip-messages.ts';
import { templatesMessages } from '../features/templates/messages.ts';
import { voiceMessages } from '../features/voice/messages.ts';
import { nodeHelpMessages } from '../features/inspector/node-help-messages.ts';
import { quotasMessages } from '../features/quotas/messages.ts';
import { reportsMessages } from '../features/reports/messages.ts';
import { problemMessages } from '../features/editor/problem-messages.ts';
import { variablePickerMessages } from '../features/inspector/variable-picker-messages.ts';
import { galleryMessages } from '../features/gallery/messages.ts';
import { tourMessages } from '../features/tour/messages.ts';
import { configErrorMessages } from '../features/inspector/config-error-messages.ts';
import { runErrorMessages } from '../features/runs/run-error-messages.ts';
import { flowsMessages } from '../features/flows/messages.ts';
import { guardMessages } from '../features/editor/guard-messages.ts';
import { voicePromptMessages } from '../features/voice-prompts/messages.ts';
import { peopleMessages } from '../features/people/messages.ts';
import { auditMessages } from '../features/audit/messages.ts';
import { dashboardMessages } from '../features/dashboard/messages.ts';
import { webhooksMessages } from '../features/webhooks/messages.ts';
import { backupsMessages } from '../features/backups/messages.ts';
import { reportSchedulesMessages } from '../features/report-schedules/messages.ts';
import { workspacesMessages } from '../features/workspaces/messages.ts';
import { rolesMessages } from '../features/roles/messages.ts';
import { analyticsMessages } from '../features/analytics/messages.ts';
import { webhooksInMessages } from '../features/webhooks-in/messages.ts';
import { subflowsMessages } from '../features/subflows/messages.ts';
import { subflowRunMessages } from '../features/runs/subflow-run-messages.ts';
import { aiProviderMessages } from '../features/settings/ai-provider-messages.ts';

/** Every string the builder shows, in both languages. Keys are stable; add to both at once. */
const appMessages = {
  en: {
    'app.title': 'Omniflow',
    'app.language': 'Language',
    'app.signOut': 'Sign out',
    'app.nav': 'Main',
    'app.runs': 'Runs',
    'app.settings': 'Settings',
    'app.phone': 'Phone',
    'app.calls': 'Calls',
    'app.recordings': 'Recordings',
    'auth.title': 'Sign in to Omniflow',
    'auth.email': 'Email',
    'auth.password': 'Password',
    'auth.submit': 'Sign in',
    'auth.failed': 'The email or password is not right',
    'auth.locked': 'Too many attempts. Try again in {minutes} min.',
    'flows.title': 'Flows',
    'flows.search': 'Search flows',
    'flows.create': 'New flow',
    'flows.import': 'Import JSON',
    'flows.export': 'Export JSON',
    'flows.duplicate': 'Duplicate',
    'flows.delete': 'Delete',
    'flows.confirmDelete': 'Delete the flow “{name}”? Its versions and finished runs go with it.',
    'flows.empty': 'No flows yet. Create one or import a JSON file.',
    'flows.newName': 'Untitled flow',
    'flows.copyOf': 'Copy of {name}',
    'flows.updated': 'Updated {date}',
    'flows.version': 'v{version}',
    'flows.draftOnly': 'Draft',
    'flows.importFailed': 'That file is not a flow: {reason}',
    'common.loading': 'Loading…',
    'common.error': 'Something went wrong: {message}',
    'common.back': 'Back',
    'common.copyButton': 'Copy',
    'common.copy': 'Copy {what}',
    'common.copied': 'Copied',
    'common.copyFailed': 'Could not copy: select the text and copy it by hand',
  },
  es: {
    'app.title': 'Omniflow',
    'app.language': 'Idioma',
    'app.signOut': 'Cerrar sesión',
    'app.nav': 'Principal',
    'app.runs': 'Ejecuciones',
    'app.settings': 'Ajustes',
    'app.phone': 'Teléfono',
    'app.calls': 'Llamadas',
    'app.recordings': 'Grabaciones',
    'auth.title': 'Inicia sesión en Omniflow',
    'auth.email': 'Correo electrónico',
    'auth.password': 'Contraseña',
    'auth.submit': 'Entrar',
    'auth.failed': 'El correo o la contraseña no son correctos',
    'auth.locked': 'Demasiados intentos. Vuelve a intentarlo en {minutes} min.',
    'flows.title': 'Flujos',
    'flows.search': 'Buscar flujos',
    'flows.create': 'Nuevo flujo',
    'flows.import': 'Importar JSON',
    'flows.export': 'Exportar JSON',
    'flows.duplicate': 'Duplicar',
    'flows.delete': 'Eliminar',
    'flows.confirmDelete':
      '¿Eliminar el flujo «{name}»? Se eliminan también sus versiones y ejecuciones terminadas.',
    'flows.empty': 'Aún no hay flujos. Crea uno o importa un archivo JSON.',
    'flows.newName': 'Flujo sin título',
    'flows.copyOf': 'Copia de {name}',
    'flows.updated': 'Actualizado {date}',
    'flows.version': 'v{version}',
    'flows.draftOnly': 'Borrador',
    'flows.importFailed': 'Ese archivo no es un flujo: {reason}',
    'common.loading': 'Cargando…',
    'common.error': 'Algo salió mal: {message}',
    'common.back': 'Volver',
    'common.copyButton': 'Copiar',
    'common.copy': 'Copiar {what}',
    'common.copied': 'Copiado',
    'common.copyFailed': 'No se pudo copiar: selecciona el texto y cópialo a mano',
  },
} as const;

export const catalog = {
  en: {
    ...appMessages.en,
    ...canvasMessages.en,
    ...analyticsMessages.en,
    ...inspectorMessages.en,
    ...durationMessages.en,
    ...advancedMessages.en,
    ...editorMessages.en,
    ...editorReadOnlyMessages.en,
    ...flowLanguageMessages.en,
    ...simulatorMessages.en,
    ...triggerInputMessages.en,
    ...browserPhoneMessages.en,
    ...runsMessages.en,
    ...skipMessages.en,
    ...settingsMessages.en,
    ...campaignSettingsMessages.en,
    ...slaTargetMessages.en,
    ...channelMessages.en,
    ...dkimMessages.en,
    ...apiAccessMessages.en,
    ...deliverabilityMessages.en,
    ...mailDomainsMessages.en,
    ...imapMailboxMessages.en,
    ...phoneMessages.en,
    ...voiceMessages.en,
    ...nodeHelpMessages.en,
    ...sandboxMessages.en,
    ...workspacesMessages.en,
    ...mailEventMessages.en,
    ...templatesMessages.en,
    ...contactImportMessages.en,
    ...mailMessages.en,
    ...contactsMessages.en,
    ...dataProtectionMessages.en,
    ...segmentsMessages.en,
    ...quotasMessages.en,
    ...reportsMessages.en,
    ...campaignsMessages.en,
    ...campaignAbMessages.en,
    ...rateLimitMessages.en,
    ...problemMessages.en,
    ...variablePickerMessages.en,
    ...galleryMessages.en,
    ...tourMessages.en,
    ...configErrorMessages.en,
    ...runErrorMessages.en,
    ...flowsMessages.en,
    ...guardMessages.en,
    ...voicePromptMessages.en,
    ...peopleMessages.en,
    ...auditMessages.en,
    ...dashboardMessages.en,
    ...webhooksMessages.en,
    ...webhooksInMessages.en,
    ...subflowsMessages.en,
    ...subflowRunMessages.en,
    ...aiProviderMessages.en,
    ...backupsMessages.en,
    ...reportSchedulesMessages.en,
    ...rolesMessages.en,
  },
  es: {
    ...appMessages.es,
    ...canvasMessages.es,
    ...analyticsMessages.es,
    ...inspectorMessages.es,
    ...durationMessages.es,
    ...advancedMessages.es,
    ...editorMessages.es,
    ...editorReadOnlyMessages.es,
    ...flowLanguageMessages.es,
    ...simulatorMessages.es,
    ...triggerInputMessages.es,
    ...browserPhoneMessages.es,
    ...runsMessages.es,
    ...skipMessages.es,
    ...settingsMessages.es,
    ...campaignSettingsMessages.es,
    ...slaTargetMessages.es,
    ...channelMessages.es,
    ...dkimMessages.es,
    ...apiAccessMessages.es,
    ...deliverabilityMessages.es,
    ...mailDomainsMessages.es,
    ...imapMailboxMessages.es,
    ...phoneMessages.es,
    ...voiceMessages.es,
    ...nodeHelpMessages.es,
    ...sandboxMessages.es,
    ...workspacesMessages.es,
    ...mailEventMessages.es,
    ...templatesMessages.es,
    ...contactImportMessages.es,
    ...mailMessages.es,
    ...contactsMessages.es,
    ...dataProtectionMessages.es,
    ...segmentsMessages.es,
    ...quotasMessages.es,
    ...reportsMessages.es,
    ...campaignsMessages.es,
    ...campaignAbMessages.es,
    ...rateLimitMessages.es,
    ...problemMessages.es,
    ...variablePickerMessages.es,
    ...galleryMessages.es,
    ...tourMessages.es,
    ...configErrorMessages.es,
    ...runErrorMessages.es,
    ...flowsMessages.es,
    ...guardMessages.es,
    ...voicePromptMessages.es,
    ...peopleMessages.es,
    ...auditMessages.es,
    ...dashboardMessages.es,
    ...webhooksMessages.es,
    ...webhooksInMessages.es,
    ...subflowsMessages.es,
    ...subflowRunMessages.es,
    ...aiProviderMessages.es,
    ...backupsMessages.es,
    ...reportSchedulesMessages.es,
    ...rolesMessages.es,
  },
} as const;

export type Locale = keyof typeof catalog;
export type MessageKey = keyof (typeof catalog)['en'];

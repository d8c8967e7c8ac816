import type { FieldText } from './validation-text.ts';

/**
 * What PUT /workspace/settings says of a refused setting, in the reader's language: one sentence
 * a field, naming its unit and range whatever was wrong (not a number, too small, too big).
 */
export const workspaceSettingsText = {
  runRetentionDays: {
    en: 'Keep run details at least 1 day and at most 3650 days (10 years)',
    es: 'Conserva el detalle de las ejecuciones al menos 1 día y como máximo 3650 días (10 años)',
  },
  auditRetentionDays: {
    en: 'Keep the audit log at least 30 days and at most 3650 days (10 years)',
    es: 'Conserva el registro de auditoría al menos 30 días y como máximo 3650 días (10 años)',
  },
  slaTargetPercent: {
    en: 'Give the availability target as a percentage from 50 to 100, e.g. 99.8',
    es: 'Indica el objetivo de disponibilidad como un porcentaje entre 50 y 100, por ejemplo 99.8',
  },
} satisfies FieldText;

import { runStatuses, type RunStatus } from '@omniflow/db';

/** The languages a refusal of an operation on a run is said in (the API picks by Accept-Language). */
export type RunErrorLanguage = 'es' | 'en';

/**
 * Every sentence an operation on a run is refused with, in es and en, with `{name}` holes for
 * its parameters. The English is also the error's `message` (logs, the CLI); the API answers a
 * person in their own language (`api/create-app.ts`).
 */
export const runErrorText = {
  runNotFound: { en: 'Run {id} does not exist', es: 'La ejecución {id} no existe' },
  versionNotFound: {
    en: 'Version {version} of flow {flowId} does not exist',
    es: 'La versión {version} del flujo {flowId} no existe',
  },
  stepNotFound: {
    en: 'Step {seq} of run {runId} does not exist',
    es: 'El paso {seq} de la ejecución {runId} no existe',
  },
  runEnded: { en: 'The run is already {status}', es: 'La ejecución ya está {status}' },
  rerunOnDraft: {
    en: 'Re-run on a published version (1 or more)',
    es: 'Vuelve a ejecutarla sobre una versión publicada (la 1 o una posterior)',
  },
  runActive: {
    en: 'The run is {status}; cancel it or wait until it ends to retry',
    es: 'La ejecución está {status}; cancélala o espera a que termine para reintentarla',
  },
  detailsExpired: {
    en: 'This run’s details were removed by retention',
    es: 'El detalle de esta ejecución se borró al cumplirse su plazo de conservación',
  },
  stepWithoutPlace: {
    en: 'This step was recorded without its place in history',
    es: 'Este paso se guardó sin su lugar en el historial, así que no se puede reintentar desde él',
  },
  stepBeforeRollover: {
    en: 'This step happened before the run’s history was rolled over; retry from a later step',
    es: 'Este paso ocurrió antes de que se renovara el historial de la ejecución; reintenta desde un paso posterior',
  },
  noResetPoint: {
    en: 'No workflow task to reset to was found for this step',
    es: 'No se encontró en el historial un punto desde el que repetir este paso',
  },
  runNotFailed: {
    en: 'The run is {status}, not failed at a step',
    es: 'La ejecución está {status}; no falló en ningún paso',
  },
  failedStepMissing: {
    en: 'No step of {nodeId} was recorded',
    es: 'No se guardó ningún paso de {nodeId}',
  },
  historyMissing: {
    en: 'This run has no workflow history in Temporal: its workflow never started, or its history was removed',
    es: 'Esta ejecución no tiene historial en Temporal: nunca llegó a empezar o su historial se borró',
  },
  notStarted: {
    en: 'The run could not be started: {reason}',
    es: 'No se pudo iniciar la ejecución: {reason}',
  },
  notRecorded: {
    en: 'The run could not be recorded, so it did not happen; nothing was done. Send the request again.',
    es: 'No se pudo guardar la ejecución, así que no ocurrió y no se hizo nada. Envía la petición de nuevo.',
  },
} satisfies Record<string, Record<RunErrorLanguage, string>>;

export type RunErrorTextKey = keyof typeof runErrorText;

/** A run's status as the sentences above say it ("is already {status}"). */
const statusWords: Record<RunStatus, Record<RunErrorLanguage, string>> = {
  running: { en: 'running', es: 'en curso' },
  waiting: { en: 'waiting', es: 'esperando' },
  completed: { en: 'completed', es: 'completada' },
  failed: { en: 'failed', es: 'fallida' },
  cancelled: { en: 'cancelled', es: 'cancelada' },
  abandoned: { en: 'abandoned', es: 'abandonada' },
  skipped: { en: 'skipped', es: 'omitida' },
};

export const runStatusWord = (status: RunStatus, language: RunErrorLanguage) => statusWords[status][language];

/**
 * A sentence in one language with its holes filled; a `status` parameter is said in that
 * language too (the others — ids, node ids, a driver's reason — are kept as they are).
 */
export function runErrorSentence(
  key: RunErrorTextKey,
  language: RunErrorLanguage,
  params: Readonly<Record<string, string>> = {},
): string {
  return runErrorText[key][language].replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name] ?? '';
    const status = name === 'status' ? runStatuses.find((s) => s === value) : undefined;
    return status ? runStatusWord(status, language) : value;
  });
}

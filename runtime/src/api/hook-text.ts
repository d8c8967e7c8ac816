import type { HookBodyProblem } from '../hooks/parse-hook-body.ts';
import type { ReaderLanguage } from './reader-language.ts';

/** What a hook answers its caller when it refuses, in the caller's language (Accept-Language). */
const hookText = {
  noHook: {
    en: 'No published flow answers {path} here: check the URL in the flow’s “Webhook received” node',
    es: 'Ningún flujo publicado responde en {path} aquí: revisa la URL en el nodo «Webhook recibido» del flujo',
  },
  noDraftHook: {
    en: 'This flow’s draft does not start with a “Webhook received” node answering {path}',
    es: 'El borrador de este flujo no empieza con un nodo «Webhook recibido» que responda en {path}',
  },
  wrongMethod: {
    en: '{path} takes {allowed}, not {method}',
    es: '{path} acepta {allowed}, no {method}',
  },
  keyMissing: {
    en: 'This hook needs an Omniflow API key: send it as "Authorization: Bearer <key>"',
    es: 'Este webhook necesita una clave de API de Omniflow: envíala como "Authorization: Bearer <clave>"',
  },
  keyInvalid: {
    en: 'This API key is unknown, revoked or expired; create a new one',
    es: 'Esta clave de API no existe, se revocó o caducó; crea una nueva',
  },
  keyElsewhere: {
    en: 'This API key belongs to another workspace',
    es: 'Esta clave de API es de otro espacio de trabajo',
  },
  keyScope: {
    en: 'This API key may not start runs: it needs the "runs:write" scope and a role that runs flows',
    es: 'Esta clave de API no puede iniciar ejecuciones: necesita el alcance «runs:write» y un rol que ejecute flujos',
  },
  signatureMissing: {
    en: 'This hook takes signed requests only: send the HMAC-SHA256 of the body in the {header} header',
    es: 'Este webhook solo acepta peticiones firmadas: envía el HMAC-SHA256 del cuerpo en la cabecera {header}',
  },
  signatureInvalid: {
    en: 'The {header} header does not match the body signed with this flow’s secret',
    es: 'La cabecera {header} no coincide con el cuerpo firmado con el secreto de este flujo',
  },
  secretMissing: {
    en: 'This hook takes signed requests, but its flow has no secret yet: make one in the flow’s webhook node',
    es: 'Este webhook acepta peticiones firmadas, pero su flujo aún no tiene secreto: créalo en el nodo del webhook',
  },
  invalidJson: {
    en: 'The request body is not valid JSON',
    es: 'El cuerpo de la petición no es JSON válido',
  },
  invalidXml: {
    en: 'The request body is not well-formed XML: {reason}',
    es: 'El cuerpo de la petición no es XML bien formado: {reason}',
  },
  xmlDoctype: {
    en: 'XML with a DOCTYPE is not accepted (entity declarations could expand without bound); send it without one',
    es: 'No se acepta XML con DOCTYPE (sus entidades podrían crecer sin límite); envíalo sin él',
  },
  invalidForm: {
    en: 'The request body is not a valid multipart form: {reason}',
    es: 'El cuerpo de la petición no es un formulario multipart válido: {reason}',
  },
  tooDeep: {
    en: 'The request body nests deeper than {depth} levels; flatten it',
    es: 'El cuerpo de la petición tiene más de {depth} niveles de anidamiento; aplánalo',
  },
  unstorable: {
    en: 'The request body {reason}; remove it',
    es: 'El cuerpo de la petición contiene texto que no se puede guardar ({reason}); quítalo',
  },
  draftInvalid: {
    en: 'The flow’s draft has {count} error(s); fix them to test it',
    es: 'El borrador del flujo tiene {count} error(es); corrígelos para probarlo',
  },
} satisfies Record<string, { en: string; es: string }> & Record<HookBodyProblem, { en: string; es: string }>;

export type HookTextKey = keyof typeof hookText;

export function hookMessage(
  key: HookTextKey,
  language: ReaderLanguage,
  params: Record<string, string | number> = {},
): string {
  return hookText[key][language].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

// A problem's sentence per validation code (runtime/src/graph/validation-issue.ts), filled from the
// issue's params; merged into the app catalog (src/i18n/catalog.ts). A code with no sentence here
// falls back to the English message (problem-text.ts). A param the server sends in both
// languages (`node` and `nodeEs`) fills `{node}` in the reader's (problem-text.ts localizedParams).
export const problemMessages = {
  en: {
    'problem.NO_TRIGGER': 'Add a start node: a flow needs exactly one',
    'problem.OUTCOME_PORT_UNWIRED':
      '“{node}”: nothing happens after “{port}”, so it just stops there. Connect it, or end it there.',
    'problem.TRIGGER_LEADS_NOWHERE':
      '“{node}” starts the flow but nothing comes after it: connect the first step.',
    'problem.HANGUP_LEADS_TO_CALL':
      '“{node}” hangs up, then goes on to “{target}”, which needs the call: the caller is gone by then.',
    'problem.FLOW_FIELD_TOO_LONG':
      'The {field} has {length} characters; at most {max} can be saved. Shorten it — nothing is saved until then.',
    'problem.TRIGGER_CLAIMED':
      'The published flow “{flow}” already answers {claim}. Change this trigger, or change or delete that flow, before publishing.',
  },
  es: {
    'problem.NO_TRIGGER': 'Añade un nodo de inicio: un flujo necesita exactamente uno',
    'problem.OUTCOME_PORT_UNWIRED':
      '«{node}»: no hay nada después de «{port}», así que ahí se termina. Conéctalo o termina ahí.',
    'problem.TRIGGER_LEADS_NOWHERE':
      '«{node}» inicia el flujo pero no tiene nada después: conecta el primer paso.',
    'problem.HANGUP_LEADS_TO_CALL':
      '«{node}» cuelga y luego sigue a «{target}», que necesita la llamada: quien llamó ya no está.',
    'problem.FLOW_FIELD_TOO_LONG':
      'El campo {field} tiene {length} caracteres; se pueden guardar como mucho {max}. Acórtalo: hasta entonces no se guarda nada.',
    'problem.TRIGGER_CLAIMED':
      'El flujo publicado «{flow}» ya atiende {claim}. Cambia este disparador, o cambia o borra ese flujo, antes de publicar.',
  },
} as const;

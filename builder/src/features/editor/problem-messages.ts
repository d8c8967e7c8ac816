// A problem's sentence per validation code (runtime/src/graph/validation-issue.ts), filled from the
// issue's params; merged into the app catalog (src/i18n/catalog.ts). A code with no sentence here
// falls back to the English message (problem-text.ts). Nodes are named by their label or
// title and config fields by their label: the params carry `node`/`nodeEs`, `field`/`fieldEs`
// (runtime/src/graph/issue-names.ts) and translate() fills `{node}` with the reader's language. NODE_CONFIG_INVALID has one sentence per
// `reason` (`problem.NODE_CONFIG_INVALID.<reason>`, runtime/src/graph/config-issue-params.ts).
export const problemMessages = {
  en: {
    'problem.CODE_EMPTY': '“{node}” has no code: write what it computes and return the result',
    'problem.CODE_SYNTAX_ERROR':
      '“{node}”: the code cannot be read at line {line}, column {column}: look there for a bracket, quote or comma missing or too many',
    'problem.AI_CLASSIFY_WITHOUT_INTENTS': '“{node}” sorts messages but has no intents: add at least one',
    'problem.AI_EXTRACT_WITHOUT_FIELDS':
      '“{node}” extracts data but lists no fields: add the fields to look for',
    'problem.NO_TRIGGER': 'Add a start node: a flow needs exactly one',
    'problem.TEMPLATE_RENDERS_OBJECT':
      '“{node}” writes everything “{source}” holds into its text, which reads as a list of fields: pick the one field you mean in the variable list',
    'problem.MULTIPLE_TRIGGERS':
      '“{node}” is a second start node; a flow has exactly one. Delete one of them',
    'problem.TRIGGER_NOT_FOUND': 'The flow’s start node is missing; add a start node',
    'problem.TRIGGER_NOT_A_TRIGGER': '“{node}” cannot start a flow; start it with a start node',
    'problem.DUPLICATE_NODE_ID': 'Two steps share the same id as “{node}”; delete or duplicate one again',
    'problem.DUPLICATE_EDGE_ID': 'Two connections are the same; delete one of them',
    'problem.UNKNOWN_NODE_TYPE':
      '“{node}” is a kind of step this server does not have; delete it or install it',
    'problem.UNKNOWN_NODE_VERSION':
      '“{node}” was made with version {version}, which this server does not have (it has {latest}); add the step again',
    'problem.NODE_CONFIG_INVALID': '“{node}”: check “{field}”',
    'problem.NODE_CONFIG_INVALID.required': '“{node}”: fill in “{field}”',
    'problem.NODE_CONFIG_INVALID.not_text': '“{node}”: “{field}” must be text',
    'problem.NODE_CONFIG_INVALID.not_number': '“{node}”: “{field}” must be a number',
    'problem.NODE_CONFIG_INVALID.not_whole_number': '“{node}”: “{field}” must be a whole number',
    'problem.NODE_CONFIG_INVALID.not_yes_no': '“{node}”: “{field}” must be yes or no',
    'problem.NODE_CONFIG_INVALID.not_list': '“{node}”: “{field}” must be a list',
    'problem.NODE_CONFIG_INVALID.not_group': '“{node}”: “{field}” is not filled in the right way',
    'problem.NODE_CONFIG_INVALID.wrong_type': '“{node}”: “{field}” has the wrong kind of value',
    'problem.NODE_CONFIG_INVALID.too_long': '“{node}”: “{field}” is too long (at most {limit} characters)',
    'problem.NODE_CONFIG_INVALID.too_short': '“{node}”: “{field}” is too short (at least {limit} characters)',
    'problem.NODE_CONFIG_INVALID.too_big': '“{node}”: “{field}” must be at most {limit}',
    'problem.NODE_CONFIG_INVALID.too_small': '“{node}”: “{field}” must be at least {limit}',
    'problem.NODE_CONFIG_INVALID.too_many': '“{node}”: “{field}” has too many entries (at most {limit})',
    'problem.NODE_CONFIG_INVALID.too_few': '“{node}”: “{field}” needs at least {limit}',
    'problem.NODE_CONFIG_INVALID.not_option': '“{node}”: “{field}” must be one of: {options}',
    'problem.NODE_CONFIG_INVALID.bad_email': '“{node}”: “{field}” is not a valid email address',
    'problem.NODE_CONFIG_INVALID.bad_url': '“{node}”: “{field}” is not a valid web address (URL)',
    'problem.NODE_CONFIG_INVALID.bad_format': '“{node}”: “{field}” is not written the right way',
    'problem.NODE_CONFIG_INVALID.unknown_keys': '“{node}”: settings this step does not know: {keys}',
    'problem.NODE_CONFIG_INVALID.invalid': '“{node}”: “{field}” is not valid',
    'problem.NODE_CONFIG_INVALID.either': '“{node}”: fill in “{field}”, or choose “{other}”',
    'problem.TEMPLATE_INVALID': '“{node}”: the text in “{field}” has a mistake in a {{ }} placeholder',
    'problem.EDGE_NODE_NOT_FOUND':
      'A connection of “{node}” leads to a step that no longer exists; delete it',
    'problem.EDGE_UNKNOWN_PORT': '“{node}” has no exit “{port}” any more; delete that connection',
    'problem.PORT_MULTIPLE_EDGES':
      'The exit “{port}” of “{node}” is connected twice; an exit leads to one step',
    'problem.EDGE_TO_TRIGGER':
      '“{from}” leads back into the start “{node}”; nothing can lead back into the start',
    'problem.REQUIRED_PORT_UNWIRED': 'Connect the exit “{port}” of “{node}”: say what happens then',
    'problem.UNREACHABLE_NODE': '“{node}” can never be reached from the start; connect it or delete it',
    'problem.LOOP_WITHOUT_WAIT':
      '{nodes} go round in a loop with no wait; add a wait so it cannot spin forever',
    'problem.VARIABLE_DUPLICATE': 'The variable “{name}” is declared twice',
    'problem.CONVERSATION_CHANNEL_WITHOUT_MESSAGE':
      '“{node}” answers on the conversation’s channel, but this flow does not start on a message (it starts with “{trigger}”); pick WhatsApp, SMS, web chat or email',
    'problem.EMAIL_REPLY_WITHOUT_MAIL':
      '“{node}” answers a mail, but this flow receives none (it starts with “{trigger}”); start it with “Email received”, or use “Send email”',
    'problem.WHATSAPP_WINDOW_MAY_CLOSE': '“{node}” sends free text on WhatsApp, which may be refused',
    'problem.WHATSAPP_WINDOW_MAY_CLOSE.waits':
      '“{node}” sends free text on WhatsApp after waits that can add up to 24 hours since the person last wrote; WhatsApp refuses it then. Use a WhatsApp template there, or a shorter wait',
    'problem.WHATSAPP_WINDOW_MAY_CLOSE.not_started':
      '“{node}” sends free text on WhatsApp, but this flow does not start on the person’s WhatsApp message, so the 24-hour window may be closed. Use a WhatsApp template to open the conversation',
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
    'problem.TRIGGER_CLAIMED.elsewhere':
      'Another organisation on this installation already answers {claim}. Use another number or address, or ask whoever runs this installation.',
    'problem.VOICE_PROMPT_UNKNOWN':
      'This step plays a recorded audio that is no longer in the workspace; choose another audio',
    'problem.WEBHOOK_PATH_INVALID.empty': '“{node}” has no path; write one, such as orders/new',
    'problem.WEBHOOK_PATH_INVALID.characters':
      '“{node}” has a path a URL cannot take here (“{path}”); use letters, digits, -, _ and . between single slashes',
    'problem.WEBHOOK_PATH_INVALID.long': '“{node}” has a path longer than 200 characters; shorten it',
    'problem.WEBHOOK_PATH_INVALID': '“{node}” has a path that cannot be served; change it',
    'problem.RESPOND_WITHOUT_WEBHOOK':
      '“{node}” answers an HTTP request, but this flow does not start with “Webhook received”; start it with that trigger, or remove the answer',
    'problem.SUBFLOW_NOT_PUBLISHED':
      '“{node}” runs the flow “{flow}”, which has no published version yet: publish it first, or choose another flow.',
    'problem.SUBFLOW_CYCLE':
      '“{node}” would make the flows call each other for ever ({cycle}): a flow cannot end up calling itself.',
    'problem.SUBFLOW_INPUT_UNKNOWN':
      '“{node}” gives the flow “{flow}” the input “{input}”, which that flow does not take (it takes: {takes}): rename it or remove it.',
    'problem.SUBFLOW_INPUT_MISSING':
      '“{node}” does not give the flow “{flow}” its input “{input}”, which that flow requires: add it to the inputs it is given.',
  },
  es: {
    'problem.CODE_EMPTY':
      '“{node}” no tiene código: escribe lo que calcula y devuelve el resultado con return',
    'problem.CODE_SYNTAX_ERROR':
      '“{node}”: el código no se puede leer en la línea {line}, columna {column}: busca ahí un paréntesis, una comilla o una coma que falte o sobre',
    'problem.AI_CLASSIFY_WITHOUT_INTENTS':
      '“{node}” clasifica mensajes pero no tiene intenciones: añade al menos una',
    'problem.AI_EXTRACT_WITHOUT_FIELDS':
      '“{node}” extrae datos pero no tiene ningún dato que buscar: añádelos',
    'problem.NO_TRIGGER': 'Añade un nodo de inicio: un flujo necesita exactamente uno',
    'problem.MULTIPLE_TRIGGERS':
      '«{node}» es un segundo inicio; un flujo tiene exactamente uno. Elimina uno de ellos',
    'problem.TRIGGER_NOT_FOUND': 'Falta el nodo de inicio del flujo; añade uno',
    'problem.TRIGGER_NOT_A_TRIGGER': '«{node}» no puede iniciar un flujo; empieza con un nodo de inicio',
    'problem.DUPLICATE_NODE_ID':
      'Dos pasos tienen el mismo identificador que «{node}»; elimina uno o vuelve a duplicarlo',
    'problem.DUPLICATE_EDGE_ID': 'Hay dos conexiones iguales; elimina una',
    'problem.UNKNOWN_NODE_TYPE':
      '«{node}» es un tipo de paso que este servidor no tiene; elimínalo o instálalo',
    'problem.UNKNOWN_NODE_VERSION':
      '«{node}» se hizo con la versión {version}, que este servidor no tiene (tiene la {latest}); vuelve a añadir el paso',
    'problem.NODE_CONFIG_INVALID': '«{node}»: revisa «{field}»',
    'problem.NODE_CONFIG_INVALID.required': '«{node}»: rellena «{field}»',
    'problem.NODE_CONFIG_INVALID.not_text': '«{node}»: «{field}» debe ser un texto',
    'problem.NODE_CONFIG_INVALID.not_number': '«{node}»: «{field}» debe ser un número',
    'problem.NODE_CONFIG_INVALID.not_whole_number': '«{node}»: «{field}» debe ser un número entero',
    'problem.NODE_CONFIG_INVALID.not_yes_no': '«{node}»: «{field}» debe ser sí o no',
    'problem.NODE_CONFIG_INVALID.not_list': '«{node}»: «{field}» debe ser una lista',
    'problem.NODE_CONFIG_INVALID.not_group': '«{node}»: «{field}» no está rellenado como corresponde',
    'problem.NODE_CONFIG_INVALID.wrong_type': '«{node}»: «{field}» tiene un tipo de valor que no corresponde',
    'problem.NODE_CONFIG_INVALID.too_long':
      '«{node}»: «{field}» es demasiado largo (como máximo {limit} caracteres)',
    'problem.NODE_CONFIG_INVALID.too_short':
      '«{node}»: «{field}» es demasiado corto (al menos {limit} caracteres)',
    'problem.NODE_CONFIG_INVALID.too_big': '«{node}»: «{field}» debe ser como máximo {limit}',
    'problem.NODE_CONFIG_INVALID.too_small': '«{node}»: «{field}» debe ser al menos {limit}',
    'problem.NODE_CONFIG_INVALID.too_many':
      '«{node}»: «{field}» tiene demasiados elementos (como máximo {limit})',
    'problem.NODE_CONFIG_INVALID.too_few': '«{node}»: «{field}» necesita al menos {limit}',
    'problem.NODE_CONFIG_INVALID.not_option': '«{node}»: «{field}» debe ser una de estas opciones: {options}',
    'problem.NODE_CONFIG_INVALID.bad_email': '«{node}»: «{field}» no es una dirección de correo válida',
    'problem.NODE_CONFIG_INVALID.bad_url': '«{node}»: «{field}» no es una dirección web (URL) válida',
    'problem.NODE_CONFIG_INVALID.bad_format': '«{node}»: «{field}» no está escrito de la forma correcta',
    'problem.NODE_CONFIG_INVALID.unknown_keys': '«{node}»: ajustes que este paso no conoce: {keys}',
    'problem.NODE_CONFIG_INVALID.invalid': '«{node}»: «{field}» no es válido',
    'problem.NODE_CONFIG_INVALID.either': '«{node}»: rellena «{field}» o elige «{other}»',
    'problem.TEMPLATE_INVALID': '«{node}»: el texto de «{field}» tiene un error en un marcador {{ }}',
    'problem.EDGE_NODE_NOT_FOUND': 'Una conexión de «{node}» lleva a un paso que ya no existe; elimínala',
    'problem.EDGE_UNKNOWN_PORT': '«{node}» ya no tiene la salida «{port}»; elimina esa conexión',
    'problem.PORT_MULTIPLE_EDGES':
      'La salida «{port}» de «{node}» está conectada dos veces; una salida lleva a un solo paso',
    'problem.EDGE_TO_TRIGGER': '«{from}» vuelve al inicio «{node}»; nada puede volver al inicio',
    'problem.REQUIRED_PORT_UNWIRED': 'Conecta la salida «{port}» de «{node}»: di qué pasa entonces',
    'problem.UNREACHABLE_NODE': '«{node}» nunca se alcanza desde el inicio; conéctalo o elimínalo',
    'problem.LOOP_WITHOUT_WAIT':
      '{nodes} forman un bucle sin ninguna espera; añade una espera para que no gire sin fin',
    'problem.VARIABLE_DUPLICATE': 'La variable «{name}» está declarada dos veces',
    'problem.CONVERSATION_CHANNEL_WITHOUT_MESSAGE':
      '«{node}» responde por el canal de la conversación, pero este flujo no empieza con un mensaje (empieza con «{trigger}»); elige WhatsApp, SMS, chat web o correo',
    'problem.EMAIL_REPLY_WITHOUT_MAIL':
      '«{node}» responde a un correo, pero este flujo no recibe ninguno (empieza con «{trigger}»); empiézalo con «Correo recibido», o usa «Enviar correo»',
    'problem.WHATSAPP_WINDOW_MAY_CLOSE': '«{node}» envía texto libre por WhatsApp, que puede rechazarlo',
    'problem.WHATSAPP_WINDOW_MAY_CLOSE.waits':
      '«{node}» envía texto libre por WhatsApp tras esperas que pueden sumar 24 horas desde el último mensaje de la persona; WhatsApp lo rechaza entonces. Usa ahí una plantilla de WhatsApp, o una espera más corta',
    'problem.WHATSAPP_WINDOW_MAY_CLOSE.not_started':
      '«{node}» envía texto libre por WhatsApp, pero este flujo no empieza con un mensaje de WhatsApp de la persona, así que la ventana de 24 horas puede estar cerrada. Usa una plantilla de WhatsApp para abrir la conversación',
    'problem.TEMPLATE_RENDERS_OBJECT':
      '«{node}» escribe en su texto todo lo que guarda «{source}», que se lee como una lista de campos: elige en la lista de variables el campo que quieres',
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
    'problem.TRIGGER_CLAIMED.elsewhere':
      'Otra organización de esta instalación ya atiende {claim}. Usa otro número o dirección, o pregunta a quien administra la instalación.',
    'problem.VOICE_PROMPT_UNKNOWN':
      'Este paso reproduce un audio grabado que ya no está en el espacio de trabajo; elige otro audio',
    'problem.WEBHOOK_PATH_INVALID.empty': '«{node}» no tiene ruta; escribe una, como pedidos/nuevo',
    'problem.WEBHOOK_PATH_INVALID.characters':
      '«{node}» tiene una ruta que una URL no admite aquí («{path}»); usa letras, dígitos, -, _ y . entre barras simples',
    'problem.WEBHOOK_PATH_INVALID.long': '«{node}» tiene una ruta de más de 200 caracteres; acórtala',
    'problem.WEBHOOK_PATH_INVALID': '«{node}» tiene una ruta que no se puede servir; cámbiala',
    'problem.RESPOND_WITHOUT_WEBHOOK':
      '«{node}» responde a una petición HTTP, pero este flujo no empieza con «Webhook recibido»; empiézalo con ese disparador, o quita la respuesta',
    'problem.SUBFLOW_NOT_PUBLISHED':
      '«{node}» ejecuta el flujo «{flow}», que aún no tiene ninguna versión publicada: publícalo antes, o elige otro flujo.',
    'problem.SUBFLOW_CYCLE':
      '«{node}» haría que los flujos se llamen unos a otros sin fin ({cycle}): un flujo no puede acabar llamándose a sí mismo.',
    'problem.SUBFLOW_INPUT_UNKNOWN':
      '«{node}» da al flujo «{flow}» el dato «{input}», que ese flujo no recibe (recibe: {takes}): cámbiale el nombre o quítalo.',
    'problem.SUBFLOW_INPUT_MISSING':
      '«{node}» no da al flujo «{flow}» el dato «{input}», que ese flujo exige: añádelo a los datos que recibe.',
  },
} as const;

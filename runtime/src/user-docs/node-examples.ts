/**
 * A short, human example for each built-in node's documentation page, in both languages. The rest
 * of the page (title, description, fields, ports) is generated from the node’s definition; a way out
 * is written {port:id}, so each language names it as the canvas does.
 */
export const nodeExamples: Record<string, { en: string; es: string }> = {
  'flow.start': {
    en: 'A flow that your CRM starts through the API when an order ships: **Start** (started by the API) → **Send message** with `{{ input.orderId }}` → **End**.',
    es: 'Un flujo que tu CRM inicia por la API cuando sale un pedido: **Inicio** (iniciado por la API) → **Enviar mensaje** con `{{ input.orderId }}` → **Fin**.',
  },
  'flow.end': {
    en: 'Finish a bot after the last answer and keep what it learnt: set the output `order` to `{{ nodes.number.output.answer }}`; the run shows it in the runs console.',
    es: 'Termina un bot tras la última respuesta y guarda lo aprendido: pon en la salida `pedido` = `{{ nodes.number.output.answer }}`; la ejecución lo muestra en la consola de ejecuciones.',
  },
  'flow.call': {
    en: 'Several bots look a customer up the same way: one flow “Find customer” (marked reusable) does it, and each bot runs it with the input `email` = `{{ input.email }}`, waits for it and reads `{{ nodes.find.output.name }}`; if it fails, {port:failed} hands over to a person.',
    es: 'Varios bots buscan al cliente igual: un flujo «Buscar cliente» (marcado como reutilizable) lo hace, y cada bot lo ejecuta con el dato `email` = `{{ input.email }}`, espera a que termine y lee `{{ nodes.find.output.name }}`; si falla, {port:failed} pasa a una persona.',
  },
  'logic.set': {
    en: 'Before a split, set `total` to `{{ input.amount }}` so later steps and conditions read one name.',
    es: 'Antes de una bifurcación, guarda `total` = `{{ input.amount }}` para que los pasos siguientes y las condiciones lean un solo nombre.',
  },
  'logic.code': {
    en: "Add up a basket the trigger sent: `return { total: input.items.reduce((sum, i) => sum + i.price * i.qty, 0) }`; the next message reads `{{ nodes.code.output.total }}`. A `throw new Error('empty basket')` leaves by {port:failed} with that message. No network, files or timers; 1 s and 32 MB unless you raise them.",
    es: "Suma la cesta que envió el disparador: `return { total: input.items.reduce((suma, i) => suma + i.price * i.qty, 0) }`; el mensaje siguiente lee `{{ nodes.code.output.total }}`. Un `throw new Error('cesta vacía')` sale por {port:failed} con ese mensaje. Sin red, archivos ni temporizadores; 1 s y 32 MB salvo que los subas.",
  },
  'ai.chat': {
    en: 'Sort WhatsApp messages: intents “Billing” (invoices, charges) and “Support” (something broke); “I was charged twice” leaves by the Billing port, “hello” by {port:other}. Set the provider (any OpenAI-compatible URL, model and key) in the workspace settings first.',
    es: 'Clasifica mensajes de WhatsApp: intenciones «Cobros» (facturas, cargos) y «Soporte» (algo no funciona); «Me cobraron dos veces» sale por el puerto de Cobros y «hola» por {port:other}. Antes, configura el proveedor (cualquier URL compatible con OpenAI, modelo y clave) en los ajustes del espacio de trabajo.',
  },
  'logic.split': {
    en: 'After a menu on WhatsApp, a branch “Wants a person” when the answer equals `agent`; everything else leaves by {port:else} and goes on to ask for the order number.',
    es: 'Tras un menú en WhatsApp, una rama «Quiere una persona» cuando la respuesta es `agent`; lo demás sale por {port:else} y sigue pidiendo el número de pedido.',
  },
  'logic.ab-split': {
    en: 'Try two welcome texts: 50 % of people go to version A, 50 % to version B; compare replies in the runs console.',
    es: 'Prueba dos textos de bienvenida: el 50 % va a la versión A y el 50 % a la B; compara las respuestas en la consola de ejecuciones.',
  },
  'logic.wait': {
    en: 'In an SMS reminder journey: send the first reminder, **Wait** 1 day, then send the second one.',
    es: 'En un recorrido de recordatorio por SMS: envía el primer aviso, **Espera** 1 día y envía el segundo.',
  },
  'logic.wait-for-event': {
    en: 'An approval: the flow waits up to 3 days for an `approved` event sent to `/api/v1/runs/<id>/events`; with no answer it leaves by {port:timeout}.',
    es: 'Una aprobación: el flujo espera hasta 3 días un evento `approved` enviado a `/api/v1/runs/<id>/events`; sin respuesta sale por {port:timeout}.',
  },
  'logic.business-hours': {
    en: 'A help desk line open Monday to Friday 9:00–18:00 (Europe/Madrid): {port:open} goes to the menu, {port:closed} to the voicemail.',
    es: 'Una línea de ayuda abierta de lunes a viernes de 9:00 a 18:00 (Europe/Madrid): {port:open} va al menú y {port:closed} al buzón de voz.',
  },
  'http.request': {
    en: 'Look up an order in your shop: `GET https://shop.example.com/orders/{{ nodes.number.output.answer }}`; the next message reads `{{ nodes.lookup.output.body.status }}`.',
    es: 'Consulta un pedido en tu tienda: `GET https://tienda.example.com/orders/{{ nodes.number.output.answer }}`; el mensaje siguiente lee `{{ nodes.lookup.output.body.status }}`.',
  },
  'http.webhook': {
    en: 'Let your shop tell the flow about a new order: `POST` to the path `orders/new`, signed with the flow’s secret; the order is `{{ input.body }}` (JSON, form or XML) and `{{ input.query.source }}` a query parameter.',
    es: 'Que tu tienda avise al flujo de un pedido nuevo: `POST` a la ruta `pedidos/nuevo`, firmado con el secreto del flujo; el pedido es `{{ input.body }}` (JSON, formulario o XML) y `{{ input.query.origen }}` un parámetro de la consulta.',
  },
  'http.respond': {
    en: 'Answer the shop within the same request: status `201` and the JSON body `{"accepted": true, "total": "{{ vars.total }}"}`; if the flow takes longer than the trigger allows, the shop gets 202 with the run id instead.',
    es: 'Contesta a la tienda en la misma petición: estado `201` y el cuerpo JSON `{"aceptado": true, "total": "{{ vars.total }}"}`; si el flujo tarda más de lo que permite el disparador, la tienda recibe 202 con el id de la ejecución.',
  },
  'message.send': {
    en: 'Answer on the conversation’s channel: “Your order is on its way and arrives tomorrow.” On WhatsApp you can add up to 3 buttons.',
    es: 'Responde por el canal de la conversación: «Tu pedido está en camino y llega mañana». En WhatsApp puedes añadir hasta 3 botones.',
  },
  'message.inbound': {
    en: 'Start the FAQ bot when someone writes “help” on any channel (WhatsApp, SMS or web chat).',
    es: 'Arranca el bot de preguntas frecuentes cuando alguien escribe «ayuda» por cualquier canal (WhatsApp, SMS o chat web).',
  },
  'message.ask': {
    en: 'Ask “Which day? Write it like this: 25/03/2027.” expecting a date; a wrong answer is asked again, then leaves by {port:invalid}.',
    es: 'Pregunta «¿Qué día? Escríbelo así: 25/03/2027.» esperando una fecha; una respuesta que no vale se repite y luego sale por {port:invalid}.',
  },
  'message.template': {
    en: 'Write first to a customer on WhatsApp (outside the 24-hour window) with an approved template such as `appointment_reminder`.',
    es: 'Escribe primero a un cliente por WhatsApp (fuera de la ventana de 24 horas) con una plantilla aprobada, como `appointment_reminder`.',
  },
  'contact.update': {
    en: 'Remember the order a person asked about: set the field `lastOrder` to `{{ nodes.number.output.answer }}` on their contact.',
    es: 'Recuerda el pedido por el que preguntó una persona: pon el campo `lastOrder` = `{{ nodes.number.output.answer }}` en su contacto.',
  },
  'conversation.handoff': {
    en: 'When the bot cannot help, hand the conversation to the `support` queue; if nobody takes it in 8 hours it leaves by {port:timeout} to a “we will write to you” message.',
    es: 'Cuando el bot no puede ayudar, pasa la conversación a la cola `soporte`; si nadie la atiende en 8 horas sale por {port:timeout} hacia un mensaje de «te escribimos».',
  },
  'voice.inbound-call': {
    en: 'Answer calls to number 1000 and go on to the business hours check.',
    es: 'Atiende las llamadas al número 1000 y sigue con la comprobación de horario.',
  },
  'voice.say': {
    en: 'Say “Putting you through to sales” in English before the transfer.',
    es: 'Di «Le pasamos con ventas» en español antes de la transferencia.',
  },
  'voice.play': {
    en: 'Play a recorded welcome (a WAV in the telephony format) at the start of the call.',
    es: 'Reproduce una bienvenida grabada (un WAV en formato telefónico) al empezar la llamada.',
  },
  'voice.menu': {
    en: '“Press 1 for sales, 2 for support”: key 1 leaves by the Sales option, key 2 by Support; silence or another key is asked again twice.',
    es: '«Pulse 1 para ventas, 2 para soporte»: la tecla 1 sale por la opción Ventas y la 2 por Soporte; si no pulsa o pulsa otra, se repite dos veces.',
  },
  'voice.gather': {
    en: '“Type your 6-digit customer number and press hash”: the digits are in `{{ nodes.gather.output.digits }}`.',
    es: '«Marque su número de cliente de 6 cifras y pulse almohadilla»: las cifras quedan en `{{ nodes.gather.output.digits }}`.',
  },
  'voice.record': {
    en:
      'After hours, a voicemail: a beep, up to 2 minutes, # to finish; the recording appears under Recordings.\n\n' +
      '**Testing from the browser phone:** the message is what your microphone hears, saved as a recording of that test run like a real caller’s.',
    es:
      'Fuera de horario, un buzón de voz: un pitido, hasta 2 minutos, # para terminar; la grabación aparece en Grabaciones.\n\n' +
      '**Probando con el teléfono del navegador:** el mensaje es lo que oye tu micrófono, guardado como grabación de esa ejecución de prueba igual que el de una llamada real.',
  },
  'voice.hangup': {
    en: 'End the call after the goodbye message.',
    es: 'Cuelga la llamada tras el mensaje de despedida.',
  },
  'voice.transfer': {
    en:
      'Put the caller through to `sip:sales@pbx.example.com` (attended); if nobody answers in 25 seconds it leaves by {port:no-answer} to an apology.\n\n' +
      '**Testing from the browser phone:** a call from the browser cannot be put through to a SIP address or number, so the transfer is simulated: you hear “On a real call, the caller would be transferred to sales@pbx.example.com here”, the call goes on by {port:answered} (so you can try what follows), and the run’s step is marked **Simulated**. Calls from real phones are transferred as usual.',
    es:
      'Pasa la llamada a `sip:ventas@pbx.example.com` (atendida); si nadie contesta en 25 segundos sale por {port:no-answer} hacia una disculpa.\n\n' +
      '**Probando con el teléfono del navegador:** una llamada desde el navegador no puede pasarse a una dirección SIP o un teléfono, así que la transferencia se simula: oyes «En una llamada real, aquí se transferiría a ventas@pbx.example.com», la llamada sigue por {port:answered} (para que pruebes lo que viene después) y el paso de la ejecución aparece como **Simulada**. Las llamadas desde teléfonos reales se transfieren con normalidad.',
  },
  'voice.enqueue': {
    en:
      'Wait in the `support` queue with hold music, telling the caller their position every 30 seconds, for up to 3 minutes.\n\n' +
      '**Testing from the browser phone:** no agent can be rung from a browser call, so the queue is simulated: you hear “On a real call, the caller would wait here in the support queue until an agent answered”, the call goes on by {port:connected}, and the run’s step is marked **Simulated**.',
    es:
      'Espera en la cola `soporte` con música, diciendo la posición cada 30 segundos, hasta 3 minutos.\n\n' +
      '**Probando con el teléfono del navegador:** desde una llamada del navegador no se puede llamar a ningún agente, así que la cola se simula: oyes «En una llamada real, aquí esperaría en la cola soporte hasta que contestase un agente», la llamada sigue por {port:connected} y el paso de la ejecución aparece como **Simulada**.',
  },
  'email.inbound': {
    en: 'Start the flow when a mail reaches `help@example.com`; each sender gets at most one automatic answer a day.',
    es: 'Arranca el flujo cuando llega un correo a `ayuda@example.com`; cada remitente recibe como mucho una respuesta automática al día.',
  },
  'email.send': {
    en: 'Send a confirmation to `{{ input.email }}` with the subject “Your appointment” and the library template `appointment-confirmation`.',
    es: 'Envía una confirmación a `{{ input.email }}` con el asunto «Tu cita» y la plantilla de la biblioteca `confirmacion-cita`.',
  },
  'email.reply': {
    en: 'Answer in the same thread: “We have received your email; someone from our team will answer you today.”',
    es: 'Responde en el mismo hilo: «Hemos recibido tu correo; una persona de nuestro equipo te contestará hoy».',
  },
};

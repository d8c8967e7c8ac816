// Strings of the browser phone; merged into the app catalog (src/i18n/catalog.ts).
export const browserPhoneMessages = {
  en: {
    'browserPhone.title': 'Call from this browser',
    'browserPhone.intro': 'Talk to the flow with your microphone and speaker, and press keys on the keypad.',
    'browserPhone.introDraft':
      'Call the draft as a caller would: you hear its prompts and the path lights up on the canvas.',
    'browserPhone.number': 'Number to call',
    'browserPhone.call': 'Call',
    'browserPhone.callDraft': 'Call the draft',
    'browserPhone.hangUp': 'Hang up',
    'browserPhone.mute': 'Mute',
    'browserPhone.unmute': 'Unmute',
    'browserPhone.keypad': 'Keypad',
    'browserPhone.key': 'Press {key}',
    'browserPhone.state.idle': 'Ready to call',
    'browserPhone.state.connecting': 'Connecting…',
    'browserPhone.state.ringing': 'Calling…',
    'browserPhone.state.inCall': 'In call',
    'browserPhone.state.ended': 'Call ended',
    'browserPhone.pressed': 'You pressed {keys}',
    'browserPhone.noFlow':
      'No published flow answers {number}. Publish a voice flow with this number, or call the draft from its editor.',
    'browserPhone.notVoice': 'This flow does not start with an incoming call, so it cannot be called.',
    'browserPhone.fixFirst': 'The draft has problems. Fix them in the problems list, then call again.',
    'browserPhone.noMicrophone':
      'The browser did not let the page use the microphone. Allow it and call again.',
    'browserPhone.noConnection':
      'The phone could not connect to Omniflow. Check that you are signed in and try again.',
    'browserPhone.failed': 'The call could not be made ({reason}).',
    'browserPhone.openRun': 'See this call’s run',
  },
  es: {
    'browserPhone.title': 'Llamar desde este navegador',
    'browserPhone.intro': 'Habla con el flujo con tu micrófono y altavoz, y pulsa teclas en el teclado.',
    'browserPhone.introDraft':
      'Llama al borrador como lo haría quien llama: oyes sus mensajes y el camino se ilumina en el lienzo.',
    'browserPhone.number': 'Número al que llamar',
    'browserPhone.call': 'Llamar',
    'browserPhone.callDraft': 'Llamar al borrador',
    'browserPhone.hangUp': 'Colgar',
    'browserPhone.mute': 'Silenciar',
    'browserPhone.unmute': 'Activar micrófono',
    'browserPhone.keypad': 'Teclado',
    'browserPhone.key': 'Pulsar {key}',
    'browserPhone.state.idle': 'Listo para llamar',
    'browserPhone.state.connecting': 'Conectando…',
    'browserPhone.state.ringing': 'Llamando…',
    'browserPhone.state.inCall': 'En llamada',
    'browserPhone.state.ended': 'Llamada terminada',
    'browserPhone.pressed': 'Has pulsado {keys}',
    'browserPhone.noFlow':
      'Ningún flujo publicado contesta al {number}. Publica un flujo de voz con este número, o llama al borrador desde su editor.',
    'browserPhone.notVoice': 'Este flujo no empieza con una llamada entrante, así que no se le puede llamar.',
    'browserPhone.fixFirst':
      'El borrador tiene problemas. Corrígelos en la lista de problemas y vuelve a llamar.',
    'browserPhone.noMicrophone': 'El navegador no dejó usar el micrófono. Permítelo y vuelve a llamar.',
    'browserPhone.noConnection':
      'El teléfono no pudo conectar con Omniflow. Comprueba que has iniciado sesión y vuelve a intentarlo.',
    'browserPhone.failed': 'No se pudo hacer la llamada ({reason}).',
    'browserPhone.openRun': 'Ver la ejecución de esta llamada',
  },
} as const;

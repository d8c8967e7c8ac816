// What a browser test call hears where a real call would leave the flow for a person: its leg
// reaches no SIP destination (Call.simulatesTransfer), so the designer is told, in the flow's
// language, and the flow goes on as if the person had answered.

type Language = 'es' | 'en';

/** "sip:" is read out letter by letter by speech synthesis and tells the designer nothing. */
const spoken = (target: string) => target.replace(/^sips?:/i, '');

export function simulatedTransferNote(target: string, language: Language): string {
  return language === 'es'
    ? `En una llamada real, aquí se transferiría a ${spoken(target)}.`
    : `On a real call, the caller would be transferred to ${spoken(target)} here.`;
}

export function simulatedQueueNote(queue: string, language: Language): string {
  return language === 'es'
    ? `En una llamada real, aquí esperaría en la cola ${queue} hasta que contestase un agente.`
    : `On a real call, the caller would wait here in the ${queue} queue until an agent answered.`;
}

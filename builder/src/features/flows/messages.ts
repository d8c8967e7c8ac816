// Why a file could not be imported as a flow, in the reader's words (flow-file.ts).
export const flowsMessages = {
  en: {
    'flows.importNotJson': 'it is not a JSON file, or it is damaged',
    'flows.importNoNodes': 'it has no list of steps (“nodes”)',
  },
  es: {
    'flows.importNotJson': 'no es un archivo JSON, o está dañado',
    'flows.importNoNodes': 'no tiene lista de pasos («nodes»)',
  },
} as const;

/** What an import says about a file or a row, in the importer's language (es or en). */
export type ImportLanguage = 'es' | 'en';

type Words = Record<string, string>;
type Catalog = Record<string, { en: (w: Words) => string; es: (w: Words) => string }>;

const catalog = {
  IMPORT_EMPTY_FILE: {
    en: () => 'The file is empty: choose a CSV or Excel file with a header row and at least one contact',
    es: () => 'El archivo está vacío: elige un CSV o Excel con una fila de títulos y al menos un contacto',
  },
  IMPORT_NO_ROWS: {
    en: () => 'The file has a header row but no contacts below it',
    es: () => 'El archivo tiene la fila de títulos pero ningún contacto debajo',
  },
  IMPORT_NO_HEADER: {
    en: (w) =>
      `The first row looks like a contact (${w.value}), not column titles: add a header row (first_name, phone, email…) and upload again`,
    es: (w) =>
      `La primera fila parece un contacto (${w.value}), no títulos de columna: agrega una fila de títulos (nombre, teléfono, email…) y vuelve a subirlo`,
  },
  IMPORT_HEADER_DUPLICATE: {
    en: (w) => `Two columns are titled "${w.value}": give each column its own title`,
    es: (w) => `Dos columnas se titulan "${w.value}": dale a cada columna un título distinto`,
  },
  IMPORT_HEADER_BLANK: {
    en: (w) => `Column ${w.value} has no title: name it or delete it`,
    es: (w) => `La columna ${w.value} no tiene título: ponle uno o bórrala`,
  },
  IMPORT_ENCODING_UTF16: {
    en: () => 'The file is UTF-16 text: save it as "CSV UTF-8" (Excel: Save as → CSV UTF-8) and upload again',
    es: () =>
      'El archivo está en UTF-16: guárdalo como "CSV UTF-8" (Excel: Guardar como → CSV UTF-8) y vuelve a subirlo',
  },
  IMPORT_ENCODING_BINARY: {
    en: () => 'The file is not text: upload a CSV (UTF-8) or an Excel .xlsx file',
    es: () => 'El archivo no es texto: sube un CSV (UTF-8) o un Excel .xlsx',
  },
  IMPORT_ENCODING_NOT_UTF8: {
    en: (w) =>
      `The file is not UTF-8 (line ${w.line} has bytes of another encoding, likely Latin-1/Windows-1252): save it as "CSV UTF-8" and upload again`,
    es: (w) =>
      `El archivo no está en UTF-8 (la línea ${w.line} tiene bytes de otra codificación, probablemente Latin-1/Windows-1252): guárdalo como "CSV UTF-8" y vuelve a subirlo`,
  },
  IMPORT_ENCODING_MOJIBAKE: {
    en: (w) =>
      `Line ${w.line} has garbled accents ("${w.value}"): the file was converted to UTF-8 twice. Export it again from the original as "CSV UTF-8"`,
    es: (w) =>
      `La línea ${w.line} tiene tildes estropeadas ("${w.value}"): el archivo se convirtió a UTF-8 dos veces. Expórtalo de nuevo desde el original como "CSV UTF-8"`,
  },
  IMPORT_XLSX_UNREADABLE: {
    en: () => 'The Excel file cannot be read: open it in Excel, save it as .xlsx and upload again',
    es: () => 'No se puede leer el Excel: ábrelo en Excel, guárdalo como .xlsx y vuelve a subirlo',
  },
  IMPORT_TOO_MANY_ROWS: {
    en: (w) => `The file has more than ${w.value} rows: split it into smaller files`,
    es: (w) => `El archivo tiene más de ${w.value} filas: divídelo en archivos más pequeños`,
  },
  IMPORT_QUOTE_UNCLOSED: {
    en: (w) => `A quoted value opened on line ${w.line} never closes: check the quotes (")`,
    es: (w) =>
      `Un valor entre comillas abierto en la línea ${w.line} nunca se cierra: revisa las comillas (")`,
  },
  IMPORT_PHONE_INVALID: {
    en: (w) =>
      `"${w.value}" is not a valid phone number${w.country ? ` (default country ${w.country})` : ''}`,
    es: (w) => `"${w.value}" no es un teléfono válido${w.country ? ` (país por defecto ${w.country})` : ''}`,
  },
  IMPORT_EMAIL_INVALID: {
    en: (w) => `"${w.value}" is not a valid email address`,
    es: (w) => `"${w.value}" no es un email válido`,
  },
  IMPORT_LANGUAGE_INVALID: {
    en: (w) => `"${w.value}" is not a language code (es, en, es-PE…)`,
    es: (w) => `"${w.value}" no es un código de idioma (es, en, es-PE…)`,
  },
  IMPORT_TIMEZONE_INVALID: {
    en: (w) => `"${w.value}" is not a time zone (America/Lima, Europe/Madrid…)`,
    es: (w) => `"${w.value}" no es una zona horaria (America/Lima, Europe/Madrid…)`,
  },
  IMPORT_CONSENT_INVALID: {
    en: (w) => `"${w.value}" is not yes or no`,
    es: (w) => `"${w.value}" no es sí o no`,
  },
  IMPORT_NUMBER_INVALID: {
    en: (w) => `"${w.value}" is not a number`,
    es: (w) => `"${w.value}" no es un número`,
  },
  IMPORT_DATE_INVALID: {
    en: (w) => `"${w.value}" is not a date (2026-03-31 or 31/03/2026)`,
    es: (w) => `"${w.value}" no es una fecha (2026-03-31 o 31/03/2026)`,
  },
  IMPORT_BOOLEAN_INVALID: {
    en: (w) => `"${w.value}" is not yes or no`,
    es: (w) => `"${w.value}" no es sí o no`,
  },
  IMPORT_CHOICE_INVALID: {
    en: (w) => `"${w.value}" is not one of: ${w.choices}`,
    es: (w) => `"${w.value}" no es una de: ${w.choices}`,
  },
  IMPORT_NO_ADDRESS: {
    en: () => 'The row has no phone, WhatsApp or email: a contact needs at least one',
    es: () => 'La fila no tiene teléfono, WhatsApp ni email: un contacto necesita al menos uno',
  },
  IMPORT_VALUE_TOO_LONG: {
    en: (w) => `The value is longer than ${w.value} characters`,
    es: (w) => `El valor tiene más de ${w.value} caracteres`,
  },
  IMPORT_INTERRUPTED: {
    en: (w) =>
      `The import stopped when the server restarted, after ${w.processed} of ${w.total} rows: those are imported; upload the file again to import the rest (people already imported are updated, not duplicated)`,
    es: (w) =>
      `La importación se detuvo al reiniciarse el servidor, tras ${w.processed} de ${w.total} filas: esas ya están importadas; vuelve a subir el archivo para importar el resto (quienes ya se importaron se actualizan, no se duplican)`,
  },
} satisfies Catalog;

export type ImportCode = keyof typeof catalog;

export function importMessage(code: ImportCode, language: ImportLanguage, words: Words = {}): string {
  return catalog[code][language](words);
}

/**
 * What an import row's `error` says in `language`: a catalog code stored by a process that did not
 * know the importer's language (the sweeper, `IMPORT_INTERRUPTED:<processed>:<total>`) is put in
 * words here; other text was written in the importer's language already.
 */
export function importErrorIn(error: string | null, language: ImportLanguage): string | null {
  const stored = /^(IMPORT_[A-Z_]+):(\d+):(\d+)$/.exec(error ?? '');
  if (!stored || !(stored[1]! in catalog)) return error;
  return importMessage(stored[1] as ImportCode, language, { processed: stored[2]!, total: stored[3]! });
}

/** A file refused as a whole: nothing of it is imported. */
export class ImportFileError extends Error {
  constructor(
    readonly code: ImportCode,
    readonly words: Words = {},
  ) {
    super(importMessage(code, 'en', words));
  }
  messageIn(language: ImportLanguage) {
    return importMessage(this.code, language, this.words);
  }
}

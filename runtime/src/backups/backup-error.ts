/** One thing wrong inside an archive, against its manifest. */
export interface ArchiveProblem {
  path: string;
  kind: 'missing' | 'checksum' | 'extra';
}

/** Why a backup, restore or export was refused, with what a sentence about it needs. */
export type BackupRefusal =
  | {
      code: 'BACKUP_CORRUPT';
      file: string;
      reason: 'unreadable' | 'no-manifest' | 'bad-manifest' | 'not-a-backup';
    }
  | { code: 'BACKUP_DAMAGED'; file: string; problems: ArchiveProblem[] }
  | { code: 'BACKUP_NOT_FOUND'; name: string; dir: string }
  | { code: 'BACKUP_TOO_NEW'; backup: string; current: string }
  | { code: 'BACKUP_WRONG_DATABASE'; backup: 'pglite' | 'postgres'; install: 'pglite' | 'postgres' }
  | { code: 'BACKUP_NOT_CONFIRMED' }
  | { code: 'BACKUP_DATABASE_IN_USE'; sessions: number }
  | { code: 'BACKUP_RUNNING'; jobId: string }
  | { code: 'BACKUP_BUCKET_UNREACHABLE'; bucket: string; reason: string }
  | { code: 'BACKUP_UPLOAD_FAILED'; file: string; bucket: string; reason: string; dir: string }
  | { code: 'WORKSPACE_NOT_FOUND'; id: string };

export type BackupErrorCode = BackupRefusal['code'];
type Language = 'en' | 'es';

const databaseName = {
  en: { pglite: 'the embedded database (PGlite)', postgres: 'PostgreSQL' },
  es: { pglite: 'la base de datos integrada (PGlite)', postgres: 'PostgreSQL' },
};

const problemText = {
  en: {
    missing: '{path} is missing',
    checksum: '{path} does not match its checksum',
    extra: '{path} is not in the manifest',
  },
  es: {
    missing: 'falta {path}',
    checksum: '{path} no coincide con su suma de control',
    extra: '{path} no está en el manifiesto',
  },
};

/** The refusal in English or Spanish: the CLI's language, or the API caller's. */
export function backupRefusalText(refusal: BackupRefusal, language: Language): string {
  const es = language === 'es';
  switch (refusal.code) {
    case 'BACKUP_CORRUPT': {
      const why = {
        unreadable: es ? 'no es un archivo legible' : 'is not a readable archive',
        'no-manifest': es
          ? 'no tiene manifiesto: está cortado o no es una copia de Omniflow'
          : 'has no manifest: it is cut short or not an Omniflow archive',
        'bad-manifest': es ? 'tiene un manifiesto ilegible' : 'has a manifest that cannot be read',
        'not-a-backup': es
          ? 'es una exportación de espacio de trabajo, no una copia de seguridad: no se puede restaurar'
          : 'is a workspace export, not a backup: it cannot be restored',
      }[refusal.reason];
      return `${refusal.file} ${why}. ${es ? 'No se ha cambiado nada.' : 'Nothing was changed.'}`;
    }
    case 'BACKUP_DAMAGED': {
      const shown = refusal.problems
        .slice(0, 5)
        .map((p) => problemText[language][p.kind].replace('{path}', p.path))
        .join('; ');
      const more =
        refusal.problems.length > 5
          ? es
            ? ` y ${refusal.problems.length - 5} más`
            : ` and ${refusal.problems.length - 5} more`
          : '';
      return es
        ? `${refusal.file} está dañada: ${shown}${more}. No se ha cambiado nada.`
        : `${refusal.file} is damaged: ${shown}${more}. Nothing was changed.`;
    }
    case 'BACKUP_NOT_FOUND':
      return es
        ? `No hay ninguna copia «${refusal.name}» en ${refusal.dir} (véase omniflow backup list)`
        : `There is no backup "${refusal.name}" in ${refusal.dir} (see omniflow backup list)`;
    case 'BACKUP_TOO_NEW':
      return es
        ? `Esta copia la hizo un Omniflow más nuevo (esquema ${refusal.backup}; este tiene ${refusal.current}): actualice antes`
        : `This backup was made by a newer Omniflow (schema ${refusal.backup}; this one has ${refusal.current}): upgrade first`;
    case 'BACKUP_WRONG_DATABASE':
      return es
        ? `Esta copia es de ${databaseName.es[refusal.backup]}; esta instalación usa ${databaseName.es[refusal.install]}`
        : `This backup is of ${databaseName.en[refusal.backup]}; this install uses ${databaseName.en[refusal.install]}`;
    case 'BACKUP_NOT_CONFIRMED':
      return es
        ? 'Restaurar sustituye todos los flujos, ejecuciones, contactos y grabaciones por los de la copia: añada --yes para continuar'
        : 'A restore replaces every flow, run, contact and recording with the backup’s: add --yes to go ahead';
    case 'BACKUP_DATABASE_IN_USE':
      return es
        ? `Hay ${refusal.sessions} conexiones más a la base de datos (¿Omniflow sigue en marcha?): deténgalo antes de restaurar. No se ha cambiado nada.`
        : `${refusal.sessions} other connections are open to the database (is Omniflow still running?): stop it before restoring. Nothing was changed.`;
    case 'BACKUP_RUNNING':
      return es
        ? 'Ya hay una copia de seguridad en curso; espere a que termine'
        : 'A backup is already running; wait for it to finish';
    case 'BACKUP_BUCKET_UNREACHABLE':
      return es
        ? `No se pudo leer el bucket de copias ${refusal.bucket}: ${refusal.reason}`
        : `Could not read the backup bucket ${refusal.bucket}: ${refusal.reason}`;
    case 'BACKUP_UPLOAD_FAILED':
      return es
        ? `No se pudo subir ${refusal.file} a ${refusal.bucket}: ${refusal.reason}. La copia sigue en ${refusal.dir} y se vuelve a subir con la próxima copia de seguridad.`
        : `Could not upload ${refusal.file} to ${refusal.bucket}: ${refusal.reason}. The backup is kept in ${refusal.dir} and is uploaded again with the next backup.`;
    case 'WORKSPACE_NOT_FOUND':
      return es ? `No existe el espacio de trabajo ${refusal.id}` : `There is no workspace ${refusal.id}`;
  }
}

/** A backup, restore or export refused, with a stable code and a sentence a person can act on. */
export class BackupError extends Error {
  readonly code: BackupErrorCode;
  constructor(readonly refusal: BackupRefusal) {
    super(backupRefusalText(refusal, 'en'));
    this.code = refusal.code;
    this.name = 'BackupError';
  }
}

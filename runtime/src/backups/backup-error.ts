export type BackupErrorCode =
  | 'BACKUP_CORRUPT'
  | 'BACKUP_NOT_FOUND'
  | 'BACKUP_TOO_NEW'
  | 'BACKUP_NOT_CONFIRMED'
  | 'BACKUP_WRONG_DATABASE'
  | 'BACKUP_RUNNING'
  | 'WORKSPACE_NOT_FOUND';

/** A backup or restore refused, with a stable code and a sentence a person can act on. */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

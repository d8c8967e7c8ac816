export * from './schema/index.ts';
export { openDb, type Db, type DbHandle, type OpenDbOptions } from './open-db.ts';
export { newId } from './ids.ts';
export { queryRows } from './query-rows.ts';
export { isUniqueViolation } from './is-unique-violation.ts';
export {
  DatabaseDumpError,
  dumpDatabase,
  dumpFileOf,
  dumpKindOf,
  otherPostgresSessions,
  restorePgliteDump,
  restorePostgresDump,
  type DumpKind,
} from './database-dump.ts';
export { codeSchemaVersion, databaseSchemaVersion, type SchemaVersion } from './schema-version.ts';

import {
  isDatabaseConflictError,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  AuthenticationError,
  ConflictError,
  InputError,
  isError,
  NotAllowedError,
  NotFoundError,
  NotImplementedError,
  NotModifiedError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { randomBytes } from 'node:crypto';

/** The errors whose name Backstage's error handler answers with a 4xx or 503. */
const PUBLIC_ERROR_NAMES: ReadonlySet<string> = new Set(
  [
    AuthenticationError,
    ConflictError,
    InputError,
    NotAllowedError,
    NotFoundError,
    NotImplementedError,
    NotModifiedError,
    ServiceUnavailableError,
  ].map(e => e.name),
);

/** A unique-constraint violation of PostgreSQL, SQLite or MySQL. */
export function isUniqueViolation(error: unknown): boolean {
  if (!isError(error)) return false;
  const code = (error as { code?: unknown }).code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'ER_DUP_ENTRY' ||
    isDatabaseConflictError(error)
  );
}

/** An error that already says what a client may know (a 4xx of its own). */
function isPublic(error: unknown): boolean {
  if (!isError(error)) return false;
  if (PUBLIC_ERROR_NAMES.has(error.name)) return true;
  // http-errors and body-parser errors (malformed JSON 400, too large 413).
  const status =
    (error as { statusCode?: unknown }).statusCode ??
    (error as { status?: unknown }).status;
  return (
    typeof status === 'number' &&
    status >= 400 &&
    status < 500 &&
    (error as { expose?: unknown }).expose !== false
  );
}

/**
 * The error as a client may see it. Errors that carry a client status pass
 * unchanged; a unique-constraint violation is a 409 (someone created the same
 * thing at the same time); anything else (database and driver errors, bugs)
 * is logged here with a log id and answered as a generic 500 that names only
 * that id: no SQL, driver or stack text ever reaches a client.
 */
export function toPublicError(error: unknown, logger: LoggerService): unknown {
  if (isPublic(error)) return error;
  if (isUniqueViolation(error)) {
    logger.info(`Refused a duplicate: ${String((error as Error).message)}`);
    return new ConflictError(
      'That record was just created by someone else; reload and try again',
    );
  }
  const logId = randomBytes(10).toString('hex');
  logger.error(
    `Internal error logId=${logId}`,
    isError(error) ? error : new Error(String(error)),
  );
  const generic = new Error(`An internal error occurred logId=${logId}`);
  delete generic.stack;
  return generic;
}

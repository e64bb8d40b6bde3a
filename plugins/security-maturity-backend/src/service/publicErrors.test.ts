import { mockServices } from '@backstage/backend-test-utils';
import { InputError, NotFoundError } from '@backstage/errors';
import { isUniqueViolation, toPublicError } from './publicErrors';

const driverError = (name: string, message: string, code: string) =>
  Object.assign(new Error(message), { name, code });

describe('public errors', () => {
  const logger = mockServices.logger.mock();

  it('answers a unique violation of either engine as a 409', () => {
    for (const error of [
      driverError(
        'error',
        'insert into "releases" ... - duplicate key value violates unique constraint "releases_entity_ref_release_unique"',
        '23505',
      ),
      driverError(
        'SqliteError',
        'insert into `releases` ... - UNIQUE constraint failed: releases.entity_ref, releases.release',
        'SQLITE_CONSTRAINT_UNIQUE',
      ),
    ]) {
      expect(isUniqueViolation(error)).toBe(true);
      const answer = toPublicError(error, logger) as Error;
      expect(answer.name).toBe('ConflictError');
      expect(answer.message).not.toMatch(/insert|constraint|releases/i);
    }
  });

  it('answers any other database error as a generic error naming a log id, and logs the detail', () => {
    const error = driverError(
      'SqliteError',
      'select * from `exceptions` limit 20 offset 100000000000000000000 - datatype mismatch',
      'SQLITE_MISMATCH',
    );
    const answer = toPublicError(error, logger) as Error;
    expect(answer.name).toBe('Error');
    expect(answer.message).toMatch(
      /^An internal error occurred logId=[0-9a-f]{20}$/,
    );
    expect(answer.stack).toBeUndefined();
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringMatching(/^Internal error logId=/),
      error,
    );
  });

  it('passes errors that carry a client status unchanged', () => {
    const input = new InputError('notes must not contain control characters');
    expect(toPublicError(input, logger)).toBe(input);
    const missing = new NotFoundError('The release was not found');
    expect(toPublicError(missing, logger)).toBe(missing);
    const tooLarge = Object.assign(new Error('request entity too large'), {
      status: 413,
      expose: true,
    });
    expect(toPublicError(tooLarge, logger)).toBe(tooLarge);
  });
});

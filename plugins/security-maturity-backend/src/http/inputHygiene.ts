import { LoggerService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { NextFunction, Request, RequestHandler, Response } from 'express';
import {
  findInputProblem,
  isIsoDate,
  isIsoDateTime,
  printableField,
  textProblem,
} from '../domain/inputRules';
import { toPublicError } from '../service/publicErrors';

/**
 * The spec's `date` and `date-time` formats as the validated router checks
 * them: real calendar days, hours 0-23, no leap seconds (ajv's fast formats
 * take 2027-02-30 and 25:00).
 */
export const strictFormats = {
  date: isIsoDate,
  'date-time': isIsoDateTime,
};

type SpecLike = {
  paths: Record<string, Record<string, unknown>>;
  components?: { parameters?: Record<string, unknown> };
};

type ParameterLike = {
  $ref?: string;
  name?: string;
  in?: string;
  schema?: { type?: unknown };
};

/** A whole number in digits, as integer query parameters must be written. */
const INTEGER_TEXT = /^-?\d{1,15}$/;

/**
 * For every operation of the spec: its method, a matcher of its path, the
 * path's segments and the names of its integer query parameters.
 */
function integerQueryParameters(spec: SpecLike) {
  const resolve = (p: ParameterLike): ParameterLike => {
    if (!p.$ref) return p;
    const name = p.$ref.replace('#/components/parameters/', '');
    return (spec.components?.parameters?.[name] ?? {}) as ParameterLike;
  };
  return Object.entries(spec.paths).flatMap(([path, item]) => {
    const pattern = new RegExp(
      `^${path
        .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
        .replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}/?$`,
    );
    return Object.entries(item).map(([method, operation]) => ({
      method: method.toLocaleUpperCase('en-US'),
      pattern,
      segments: path.split('/'),
      integers: new Set(
        ((operation as { parameters?: ParameterLike[] }).parameters ?? [])
          .map(resolve)
          .filter(
            p =>
              p.in === 'query' &&
              [p.schema?.type].flat().some(t => t === 'integer'),
          )
          .map(p => p.name!),
      ),
    }));
  });
}

function decodeQueryPart(text: string, what: string) {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    throw new InputError(`${what} is not valid percent-encoded UTF-8`);
  }
}

/**
 * The plugin's input hygiene for every request, before the spec's validation
 * and any handler: path segments and query values are single lines of valid
 * text without control characters, integer query parameters are whole
 * numbers in digits (not 1e20, Infinity or 0x10), and JSON bodies hold no
 * control characters (tab and line breaks aside, except in titles and release
 * names) and no numbers beyond what JSON can carry exactly. Every refusal is
 * a 400 naming the field. Tools' files pushed by CI keep their text; only
 * NUL, which no database stores, is refused there.
 */
export function inputHygiene(spec: SpecLike): RequestHandler {
  const operations = integerQueryParameters(spec);
  return (req: Request, _res: Response, next: NextFunction) => {
    const matching = operations.filter(
      o => o.method === req.method && o.pattern.test(req.path),
    );
    req.path.split('/').forEach((segment, i) => {
      // The path parameter the segment is, where the spec says.
      const param = matching
        .map(o => /^\{(.+)\}$/.exec(o.segments[i] ?? '')?.[1])
        .find(Boolean);
      const label = param ? `Path parameter ${param}` : 'A path segment';
      const value = decodeQueryPart(segment, label);
      const problem = textProblem(value, { singleLine: true });
      if (problem) {
        throw new InputError(`${label} ${problem}`);
      }
    });

    const url = req.originalUrl ?? req.url;
    const start = url.indexOf('?');
    if (start >= 0) {
      const integers = new Set(matching.flatMap(o => [...o.integers]));
      for (const pair of url.slice(start + 1).split('&')) {
        if (!pair) continue;
        const equals = pair.indexOf('=');
        const rawName = equals < 0 ? pair : pair.slice(0, equals);
        const name = decodeQueryPart(rawName, 'A query parameter name');
        const label = `Query parameter ${printableField(name)}`;
        const nameProblem = textProblem(name, { singleLine: true });
        if (nameProblem) throw new InputError(`${label}: name ${nameProblem}`);
        const value = decodeQueryPart(
          equals < 0 ? '' : pair.slice(equals + 1),
          label,
        );
        const problem = textProblem(value, { singleLine: true });
        if (problem) throw new InputError(`${label} ${problem}`);
        if (integers.has(name) && !INTEGER_TEXT.test(value)) {
          throw new InputError(`${label} must be a whole number in digits`);
        }
      }
    }

    if ((req as { rawBody?: unknown }).rawBody !== undefined) {
      if (JSON.stringify(req.body ?? null).includes('\\u0000')) {
        throw new InputError('The file must not contain NUL characters');
      }
    } else if (req.body !== undefined) {
      const found = findInputProblem(req.body);
      if (found) {
        throw new InputError(
          `${printableField(found.field) || 'The body'} ${found.problem}`,
        );
      }
    }
    next();
  };
}

/**
 * The last error handler of the router: database and driver errors never
 * reach the client (a unique violation is a 409, anything else a generic
 * 500 whose detail is logged).
 */
export function publicErrors(logger: LoggerService) {
  return (
    error: unknown,
    _req: Request,
    _res: Response,
    next: NextFunction,
  ) => {
    next(toPublicError(error, logger));
  };
}

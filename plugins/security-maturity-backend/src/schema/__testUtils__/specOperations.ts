import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { spec } from '../openapi.generated';
import { OperationId } from './specTypes';

/** The spec's operations with their schemas resolved, and ajv to check values. */
export const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete'];

export const lowerCamel = (operationId: string) =>
  operationId.charAt(0).toLocaleLowerCase('en-US') + operationId.slice(1);

/** The node a local JSON pointer (`#/components/…`) names in the spec. */
export function resolvePointer(ref: string): unknown {
  if (!ref.startsWith('#/')) {
    throw new Error(`Only local $refs are supported, not ${ref}`);
  }
  return ref
    .slice(2)
    .split('/')
    .map(key => key.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => {
      const next = (node as Record<string, unknown> | undefined)?.[key];
      if (next === undefined) {
        throw new Error(`Unresolved $ref ${ref}`);
      }
      return next;
    }, spec);
}

/** A copy of a spec node with every `$ref` replaced by what it points to. */
export function deref(
  node: unknown,
  seen: ReadonlySet<string> = new Set(),
): any {
  if (Array.isArray(node)) {
    return node.map(item => deref(item, seen));
  }
  if (node && typeof node === 'object') {
    const { $ref } = node as { $ref?: unknown };
    if (typeof $ref === 'string') {
      if (seen.has($ref)) {
        throw new Error(`Circular $ref ${$ref}`);
      }
      return deref(resolvePointer($ref), new Set([...seen, $ref]));
    }
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, deref(value, seen)]),
    );
  }
  return node;
}

export type JsonSchema = { type?: string | string[]; [key: string]: unknown };
export type Parameter = {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
};
export type Operation = {
  operationId: OperationId;
  method: string;
  path: string;
  parameters: Parameter[];
  requestBody?: {
    required?: boolean;
    content: Record<string, { schema: JsonSchema }>;
  };
};

export const operations: Operation[] = Object.entries(spec.paths).flatMap(
  ([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.includes(method))
      .map(([method, operation]) => {
        const resolved = deref(operation);
        return {
          ...resolved,
          method,
          path,
          parameters: resolved.parameters ?? [],
        };
      }),
);

export const ajv = new Ajv2020({
  strict: true,
  allErrors: true,
  allowUnionTypes: true,
});
addFormats(ajv);
export const validators = new Map<unknown, ValidateFunction>();
/** Validates a value against a schema of the spec; the problems, or none. */
export function validate(schema: JsonSchema, value: unknown): string[] {
  let validator = validators.get(schema);
  if (!validator) {
    validator = ajv.compile(schema);
    validators.set(schema, validator);
  }
  return validator(value)
    ? []
    : [ajv.errorsText(validator.errors, { dataVar: 'value' })];
}

/** A path or query string as the server reads it, typed by its schema. */
export function coerce(value: string, schema: JsonSchema): unknown {
  const types = [schema.type].flat();
  if (types.includes('integer') || types.includes('number')) {
    return value.trim() === '' ? value : Number(value);
  }
  if (types.includes('boolean') && (value === 'true' || value === 'false')) {
    return value === 'true';
  }
  return value;
}

export type RecordedRequest = {
  method: string;
  url: URL;
  contentType: string | null;
  body: string | undefined;
};

/** A client whose fetch records the requests and answers `{}`. */

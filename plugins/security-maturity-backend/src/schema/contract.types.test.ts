// The type-level half of the contract (see contract.test.ts): checked by tsc
// (`yarn tsc` type-checks test files too), asserted once more at run time.
import {
  Client,
  OperationIdOf,
  Path,
  Paths,
  Spec,
} from './__testUtils__/specTypes';
import { internal } from '@backstage/backend-openapi-utils';

type Params<F> = F extends (...args: infer A) => unknown ? A : never;
type Result<F> = F extends (...args: any[]) => infer R ? Awaited<R> : never;
type Last<T> = T extends readonly [...unknown[], infer L] ? L : never;

type HasRequestBody<
  P extends Path,
  M extends keyof Paths[P],
> = Paths[P][M] extends { requestBody: object } ? true : false;
type SpecRequestBody<
  P extends Path,
  M extends internal.DocPathMethod<Spec, P>,
> = internal.RequestBodyToJsonSchema<Spec, P, M>;

/** The JSON type of the operation's 200 or 201 response (`unknown` without JSON content). */
type SpecSuccess<
  P extends Path,
  M extends internal.DocPathMethod<Spec, P>,
> = internal.ToTypeSafe<
  internal.ResponseSchemas<Spec, P, M>[Extract<
    keyof internal.ResponseSchemas<Spec, P, M>,
    '200' | '201'
  >]
>;

type KnownKeys<T> = keyof {
  [K in keyof T as string extends K ? never : number extends K ? never : K]: 0;
};
/** `type: object` without properties: `{ [x: string]: unknown }`. */
type IsOpenObject<S> = S extends readonly unknown[]
  ? false
  : S extends object
  ? [KnownKeys<S>] extends [never]
    ? true
    : false
  : false;
type ElementOf<R> = R extends readonly (infer E)[] ? E : never;
/**
 * The spec's type, with every object the spec leaves open (`type: object`
 * without properties, as most responses are today) replaced by the client's
 * type at the same place: what the spec does not describe cannot be checked,
 * what it describes must fit the client's type.
 */
type Fill<S, R> = S extends unknown ? FillOne<S, R> : never;
type FillOne<S, R> = IsOpenObject<S> extends true
  ? [Extract<R, object>] extends [never]
    ? S
    : Extract<R, object>
  : S extends readonly (infer SI)[]
  ? Fill<SI, ElementOf<R>>[]
  : S extends object
  ? {
      [K in keyof S]: Fill<
        S[K],
        K extends keyof Extract<R, object> ? Extract<R, object>[K] : never
      >;
    }
  : S;

/** Why an operation breaks the contract at the type level, or never. */
type Problems<
  P extends Path,
  M extends internal.DocPathMethod<Spec, P>,
  O extends string = OperationIdOf<P, M>,
> = Uncapitalize<O> extends keyof Client
  ?
      | (HasRequestBody<P, M> extends true
          ? [Last<Params<Client[Uncapitalize<O>]>>] extends [
              SpecRequestBody<P, M>,
            ]
            ? never
            : `${O}: request body`
          : never)
      | ([Fill<SpecSuccess<P, M>, Result<Client[Uncapitalize<O>]>>] extends [
          Result<Client[Uncapitalize<O>]>,
        ]
          ? never
          : `${O}: response`)
  : `${O}: no client method ${Uncapitalize<O>}`;

type ContractProblems = {
  [P in Path]: { [M in keyof Paths[P]]: Problems<P, M> }[keyof Paths[P]];
}[Path];

/**
 * The checks that cannot hold today, each with its reason. An entry whose
 * check starts to pass must be removed (see `staleExceptions`).
 */
type DocumentedExceptions =
  // GET /org/metrics-pack is a binary download (text/csv or XLSX): the spec
  // has no application/json response, so there is no JSON type to compare;
  // the method returns a Blob (asserted below) and the runtime test checks
  // the request.
  | 'GetMetricsPack: response'
  // GET /org/staffing/workbook is the XLSX download of the staffing
  // workbook, likewise a Blob.
  | 'GetStaffingWorkbook: response'
  // The spec allows only 0, 0.25, 0.5 and 1; the client types `value` as
  // `number` because the frontend's AttestForm keeps the value as a number.
  // Narrowing it to `SammAnswerValue` (from -common) removes this entry once
  // the frontend narrows too. The runtime test validates the sample value.
  | 'PutAssessmentAnswer: request body';

type Undocumented = Exclude<ContractProblems, DocumentedExceptions>;
type Stale = Exclude<DocumentedExceptions, ContractProblems>;

// A tsc error here lists each operation whose client method is missing, whose
// body parameter type does not fit the spec's request body, or whose result
// type does not take the spec's 200/201 response, e.g.
//   Property '"PutIntake: no client method putIntake"' is missing in type '{}'
//   but required in type 'Record<"PutIntake: no client method putIntake", true>'.
const contractProblems: Record<Undocumented, true> = {};
// ... and each documented exception that holds by now (remove it above).
const staleExceptions: Record<Stale, true> = {};
const metricsPackIsBlob: Result<Client['getMetricsPack']> extends Blob
  ? true
  : false = true;

it('holds at the type level too (checked by tsc)', () => {
  expect([contractProblems, staleExceptions, metricsPackIsBlob]).toEqual([
    {},
    {},
    true,
  ]);
});

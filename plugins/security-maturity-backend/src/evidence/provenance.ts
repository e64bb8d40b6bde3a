import { InputError } from '@backstage/errors';
import { EvidenceJson } from '@secmat/backstage-plugin-security-maturity-common';
import { statementProblem } from './schemas';
import { observedTime, SignalDraft, SummaryContext, validFor } from './types';

type Statement = {
  _type: string;
  subject: Array<{ name?: string; digest: Record<string, string> }>;
  predicateType:
    | 'https://slsa.dev/provenance/v0.2'
    | 'https://slsa.dev/provenance/v1';
  predicate: any;
};

/** A provenance document: the statement, and whether it came signed. */
export type Provenance = { statement: Statement; signed: boolean };

/**
 * Builders whose provenance, when signed, supports SLSA build level 3
 * (hardened, isolated builds that the tenant cannot influence) or level 2
 * (a hosted build platform). A prefix of the builder ID.
 */
const BUILDERS: Array<{ prefix: string; level: 2 | 3; name: string }> = [
  {
    prefix:
      'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/',
    level: 3,
    name: 'SLSA GitHub generator',
  },
  {
    prefix: 'https://cloudbuild.googleapis.com/GoogleHostedWorker',
    level: 3,
    name: 'Google Cloud Build',
  },
  {
    prefix: 'https://github.com/actions/runner/github-hosted',
    level: 2,
    name: 'GitHub-hosted runner',
  },
  {
    prefix: 'https://github.com/Attestations/GitHubHostedActions',
    level: 2,
    name: 'GitHub-hosted runner',
  },
  { prefix: 'https://gitlab.com/', level: 2, name: 'GitLab.com runner' },
];

/** A DSSE envelope's statement, or the bare statement. */
export function readProvenance(document: any): Provenance {
  if (typeof document.payloadType === 'string') {
    let statement: unknown;
    try {
      statement = JSON.parse(
        Buffer.from(document.payload, 'base64').toString('utf8'),
      );
    } catch {
      throw new InputError(
        'slsa-provenance: the DSSE envelope payload is not base64-encoded JSON',
      );
    }
    const problem = statementProblem(statement);
    if (problem) {
      throw new InputError(
        `slsa-provenance: not an in-toto statement with SLSA provenance: ${problem}`,
      );
    }
    return {
      statement: statement as Statement,
      signed: (document.signatures as unknown[]).length > 0,
    };
  }
  return { statement: document as Statement, signed: false };
}

/** The SAMM rules read these fields (see the module's rules/signals.ts). */
export type ProvenanceSummary = {
  predicateType: string;
  slsaVersion: 'v0.2' | 'v1';
  builderId: string | null;
  buildType: string | null;
  subject: string | null;
  subjects: number;
  /** The provenance came in a DSSE envelope with signatures (not verified here). */
  signed: boolean;
  /** The SLSA build level the provenance supports, 0–3, and why. */
  buildLevel: number;
  levelReason: string;
};

function deriveLevel(builderId: string | null, signed: boolean) {
  if (!builderId) {
    return {
      buildLevel: 0,
      levelReason: 'The provenance names no builder.',
    };
  }
  const known = BUILDERS.find(b => builderId.startsWith(b.prefix));
  if (!signed) {
    return {
      buildLevel: 1,
      levelReason:
        'Provenance exists (level 1); it is not signed, so it cannot support level 2 or more.',
    };
  }
  if (!known) {
    return {
      buildLevel: 1,
      levelReason: `Signed provenance from a builder not known to be hosted or hardened (${builderId}).`,
    };
  }
  return {
    buildLevel: known.level,
    levelReason: `Signed provenance from ${known.name}, a ${
      known.level === 3 ? 'hardened, isolated' : 'hosted'
    } builder (level ${known.level}).`,
  };
}

/** One signal: the builder and the SLSA build level it supports. */
export function summariseProvenance(
  { statement, signed }: Provenance,
  ctx: SummaryContext,
): SignalDraft[] {
  const p = statement.predicate ?? {};
  const v1 = statement.predicateType === 'https://slsa.dev/provenance/v1';
  const builderId: string | null =
    (v1 ? p.runDetails?.builder?.id : p.builder?.id) ?? null;
  const buildType: string | null =
    (v1 ? p.buildDefinition?.buildType : p.buildType) ?? null;
  const observedAt = observedTime(
    ctx.now,
    v1 ? p.runDetails?.metadata?.finishedOn : p.metadata?.buildFinishedOn,
    v1 ? p.runDetails?.metadata?.startedOn : p.metadata?.buildStartedOn,
  );
  const first = statement.subject[0];
  const summary: ProvenanceSummary = {
    predicateType: statement.predicateType,
    slsaVersion: v1 ? 'v1' : 'v0.2',
    builderId: typeof builderId === 'string' ? builderId : null,
    buildType: typeof buildType === 'string' ? buildType : null,
    subject: first?.name ?? null,
    subjects: statement.subject.length,
    signed,
    ...deriveLevel(typeof builderId === 'string' ? builderId : null, signed),
  };
  return [
    {
      key: 'provenance',
      value: summary as unknown as EvidenceJson,
      observedAt,
      validUntil: validFor(observedAt, ctx.validDays),
    },
  ];
}

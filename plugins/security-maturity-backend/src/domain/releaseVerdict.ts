import {
  EvidenceSignal,
  ReleaseEvidenceRequirement,
  ReleaseRecord,
  ReleaseVerdict,
  ReleaseVerdictReason,
  requiredStageIds,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { ReleasePolicy } from '../config/readReleasePolicy';
import { StoredRecords } from '../database/records/RecordsStore';

const CLEARED = new Set(['passed', 'waived', 'not_applicable']);

/** The signal sources that answer each evidence requirement. */
const SOURCES: Record<ReleaseEvidenceRequirement, string[]> = {
  sast: ['sarif'],
  sbom: ['cyclonedx'],
  provenance: ['slsa-provenance'],
  scorecard: ['openssf-scorecard', 'openssf-scorecard-api'],
};

const LABEL: Record<ReleaseEvidenceRequirement, string> = {
  sast: 'static analysis (a SARIF upload, or a scan on this release)',
  sbom: 'an SBOM (a CycloneDX upload)',
  provenance:
    'build provenance (an SLSA provenance upload, or provenance on this release)',
  scorecard: 'an OpenSSF Scorecard result',
};

type Value = Record<string, unknown>;
const numberIn = (value: unknown, key: string): number | undefined => {
  const v = (value as Value | null)?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

/**
 * What the records and the tools' current evidence recommend for a release:
 * `go` when nothing stands against it. Pure: the caller reads the records,
 * the current signals and the policy. Signals past their `validUntil` count
 * as missing, as they do in scoring.
 */
export function releaseVerdict(input: {
  entityRef: string;
  release: ReleaseRecord;
  records: StoredRecords;
  signals: EvidenceSignal[];
  workflow: WorkflowConfig;
  policy: ReleasePolicy;
  now: Date;
}): ReleaseVerdict {
  const { entityRef, release, records, workflow, now } = input;
  const tier = records.intake?.tier ?? null;
  const tierPolicy = tier
    ? input.policy.forTier(tier)
    : input.policy.forTier('');
  const order = workflow.stages.map(s => s.id);
  const cutoff = input.policy.gatesBefore
    ? order.indexOf(input.policy.gatesBefore)
    : order.length;
  const gates = tier
    ? requiredStageIds(workflow, tier).filter(id => order.indexOf(id) < cutoff)
    : [];
  const reasons: ReleaseVerdictReason[] = [];

  if (!tier) {
    reasons.push({
      code: 'not-classified',
      message: `${entityRef} is not classified at intake: its tier decides which gates and evidence a release needs`,
    });
  }
  for (const stageId of gates) {
    const stage = records.stages.find(s => s.stageId === stageId);
    const status = stage?.status ?? 'not_started';
    if (CLEARED.has(status)) continue;
    const title = workflow.stages.find(s => s.id === stageId)?.title;
    reasons.push({
      code: 'gate-not-cleared',
      stageId,
      message: `Required gate '${title ?? stageId}' is ${status.replace(
        '_',
        ' ',
      )}; tier ${tier} needs it passed, waived or not applicable before a release`,
    });
  }
  for (const e of records.exceptions) {
    const expired =
      e.status === 'expired' ||
      (e.status === 'approved' && Date.parse(e.expiresAt) <= now.getTime());
    if (!expired) continue;
    reasons.push({
      code: 'exception-expired',
      exceptionId: e.id,
      controlId: e.controlId,
      message: `The exception to baseline control '${
        e.controlId
      }' expired on ${e.expiresAt.slice(0, 10)}`,
    });
  }

  const current = input.signals.filter(
    s => !s.validUntil || Date.parse(s.validUntil) > now.getTime(),
  );
  const bySource = (requirement: ReleaseEvidenceRequirement) =>
    current.filter(s => SOURCES[requirement].includes(s.source));
  for (const requirement of tierPolicy.evidence) {
    const signals = bySource(requirement);
    const found = evidenceCheck(requirement, signals, release, tierPolicy);
    if (found) reasons.push({ evidence: requirement, ...found });
  }

  return {
    entityRef,
    releaseId: release.id,
    release: release.release,
    verdict: reasons.length ? 'no-go-recommended' : 'go',
    reasons,
    decision: release.decision,
    tier,
    policy: { gates, ...tierPolicy },
    evaluatedAt: now.toISOString(),
  };
}

/** The reason one requirement stands against the release, if it does. */
function evidenceCheck(
  requirement: ReleaseEvidenceRequirement,
  signals: EvidenceSignal[],
  release: ReleaseRecord,
  policy: ReturnType<ReleasePolicy['forTier']>,
): Omit<ReleaseVerdictReason, 'evidence'> | undefined {
  const missing = {
    code: 'evidence-missing' as const,
    message: `Tier policy requires ${LABEL[requirement]}; none is current`,
  };
  const failing = (message: string, link?: string) => ({
    code: 'evidence-failing' as const,
    message,
    ...(link ? { link } : {}),
  });
  if (requirement === 'sast') {
    const scans = release.evidence.filter(e => e.kind === 'scan');
    const failedScan = scans.find(e => e.result === 'fail');
    if (failedScan) {
      return failing(
        `The scan '${failedScan.title}' on this release failed`,
        failedScan.url,
      );
    }
    if (!signals.length && !scans.length) return missing;
    if (policy.failOnSarifLevel === 'none') return undefined;
    for (const s of signals) {
      const byLevel = (s.value as Value | null)?.byLevel;
      const errors = numberIn(byLevel, 'error') ?? 0;
      const warnings = numberIn(byLevel, 'warning') ?? 0;
      const open =
        policy.failOnSarifLevel === 'error' ? errors : errors + warnings;
      if (open > 0) {
        const tool = (s.value as Value | null)?.tool ?? s.key;
        return failing(
          `${tool}: ${open} open ${
            policy.failOnSarifLevel === 'error'
              ? 'error-level'
              : 'error- or warning-level'
          } result${open === 1 ? '' : 's'} (observed ${s.observedAt.slice(
            0,
            10,
          )})`,
          s.link,
        );
      }
    }
    return undefined;
  }
  if (requirement === 'provenance') {
    const levels = [
      ...signals.map(s => numberIn(s.value, 'buildLevel')),
      ...release.evidence
        .filter(e => e.kind === 'provenance')
        .map(e => e.slsaBuildLevel ?? 0),
    ].filter((l): l is number => l !== undefined);
    if (!levels.length) return missing;
    const best = Math.max(...levels);
    if (best < policy.minSlsaBuildLevel) {
      return failing(
        `Provenance shows SLSA build level ${best}; tier policy requires ${policy.minSlsaBuildLevel}`,
        signals[0]?.link,
      );
    }
    return undefined;
  }
  if (!signals.length) return missing;
  if (requirement === 'scorecard') {
    const scores = signals
      .map(s => numberIn(s.value, 'score'))
      .filter((n): n is number => n !== undefined);
    const lowest = scores.length ? Math.min(...scores) : undefined;
    if (lowest === undefined) return missing;
    if (lowest < policy.minScorecardScore) {
      return failing(
        `OpenSSF Scorecard score ${lowest} is below the ${policy.minScorecardScore} tier policy requires`,
        signals[0]?.link,
      );
    }
  }
  return undefined;
}

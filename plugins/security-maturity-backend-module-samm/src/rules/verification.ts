import {
  answer,
  clearedGate,
  criterion,
  evidenceOf,
  isCleared,
  SammRule,
  shareToValue,
  stage,
} from './helpers';

/** Verification: architecture assessment, requirements-driven and security testing. */
export const verificationRules: SammRule[] = [
  {
    activityId: 'V-AA-1-A',
    why: 'A signed-off design gate is an architecture review against the agreed controls.',
    evaluate: ({ records }) => {
      const design = stage(records, 'design');
      if (!design) return undefined;
      if (isCleared(design) && design.signedOffBy)
        return answer(
          1,
          `Architecture reviewed; design gate signed off by ${design.signedOffBy}.`,
        );
      if (isCleared(design))
        return answer(0.5, 'Design gate passed without a sign-off.');
      return answer(
        0,
        'The architecture has not been reviewed at the design gate.',
      );
    },
  },
  {
    activityId: 'V-AA-2-B',
    why: 'Threat-model decisions implemented are architecture mitigations tracked to closure.',
    evaluate: ({ records: { decisions } }) => {
      const active = decisions.filter(d => d.status !== 'superseded');
      if (active.length === 0) return undefined;
      const done = active.filter(d => d.status === 'implemented').length;
      return answer(
        shareToValue(done / active.length),
        `${done} of ${active.length} threat-model decisions are implemented.`,
      );
    },
  },
  {
    activityId: 'V-RT-1-A',
    why: 'The ASVS checklist verifies that the security controls work.',
    evaluate: ({ records }) => {
      const validation = stage(records, 'validation');
      if (!validation) return undefined;
      const asvs = criterion(validation, 'asvs');
      if (asvs?.done)
        return answer(
          asvs.evidence.length ? 1 : 0.5,
          asvs.evidence.length
            ? 'ASVS checklist complete and linked.'
            : 'ASVS checklist marked complete, not linked.',
          evidenceOf(asvs),
        );
      return answer(0, 'The ASVS checklist is not complete.');
    },
  },
  {
    activityId: 'V-ST-1-A',
    why: 'Passing SAST, DAST and dependency scans at the implementation gate.',
    evaluate: ({ records }) => {
      const impl = stage(records, 'implementation');
      const scans = criterion(impl, 'scans-passing');
      const releaseScans =
        records.releases[0]?.evidence.filter(e => e.kind === 'scan') ?? [];
      if (scans?.done || releaseScans.length) {
        return answer(
          1,
          scans?.done
            ? 'Merged with passing security scans.'
            : 'Release carries security scan results.',
          [
            ...evidenceOf(scans),
            ...releaseScans.map(e => ({ title: e.title, url: e.url })),
          ].slice(0, 5),
        );
      }
      return impl
        ? answer(0, 'No passing security scans recorded.')
        : undefined;
    },
  },
  {
    activityId: 'V-ST-2-A',
    why: 'Scans pushed by the pipeline with every release are automated, integrated testing.',
    evaluate: ({ records: { releases } }) => {
      const recent = releases.slice(0, 5);
      if (recent.length === 0) return undefined;
      const scanned = recent.filter(r =>
        r.evidence.some(e => e.kind === 'scan'),
      ).length;
      return answer(
        shareToValue(scanned / recent.length),
        `${scanned} of the last ${recent.length} releases carry scan results.`,
      );
    },
  },
  {
    activityId: 'V-ST-1-B',
    why: 'The validation stage covers manual testing such as a penetration test.',
    evaluate: ({ records }) => {
      const validation = stage(records, 'validation');
      if (!validation) return undefined;
      if (isCleared(validation))
        return clearedGate(validation, 'Validation (manual testing)');
      return answer(
        validation.status === 'in_progress' ? 0.25 : 0,
        `Validation is ${validation.status.replace('_', ' ')}.`,
      );
    },
  },
];

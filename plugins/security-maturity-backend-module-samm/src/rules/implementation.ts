import { ReleaseRecord } from '@secmat/backstage-plugin-security-maturity-common';
import {
  answer,
  criterion,
  evidenceOf,
  SammRule,
  shareToValue,
  stage,
} from './helpers';

/** The newest release record (the records come newest first). */
const latest = (releases: ReleaseRecord[]) => releases[0];
const links = (release: ReleaseRecord, kinds: string[]) =>
  release.evidence
    .filter(e => kinds.includes(e.kind))
    .map(e => ({ title: e.title, url: e.url }));

/** Implementation: secure build, secure deployment, defect management. */
export const implementationRules: SammRule[] = [
  {
    activityId: 'I-SB-1-A',
    why: 'A pipeline run recorded as release evidence shows a defined, repeatable build.',
    evaluate: ({ records: { releases } }) => {
      if (releases.length === 0) return undefined;
      const built = releases.filter(r =>
        r.evidence.some(e => e.kind === 'pipeline'),
      );
      return built.length
        ? answer(
            1,
            `${built.length} of ${releases.length} releases have a pipeline run as evidence.`,
            links(built[0], ['pipeline']),
          )
        : answer(0, 'No release has a pipeline run as evidence.');
    },
  },
  {
    activityId: 'I-SB-2-A',
    why: 'SLSA build level 2 or more means a hosted, automated build.',
    evaluate: ({ records: { releases } }) => {
      const release = latest(releases);
      if (!release) return undefined;
      const level = Math.max(
        0,
        ...release.evidence.map(e => e.slsaBuildLevel ?? 0),
      );
      if (level >= 2)
        return answer(
          1,
          `Release ${release.release} was built at SLSA build level ${level}.`,
          links(release, ['provenance', 'pipeline']),
        );
      if (level === 1)
        return answer(
          0.5,
          `Release ${release.release} is at SLSA build level 1 only.`,
          links(release, ['provenance', 'pipeline']),
        );
      return answer(
        0,
        `Release ${release.release} has no SLSA build level recorded.`,
      );
    },
  },
  {
    activityId: 'I-SB-3-A',
    why: 'Signed artifacts with provenance (SLSA 3) make the build verifiable.',
    evaluate: ({ records: { releases } }) => {
      const release = latest(releases);
      if (!release) return undefined;
      const signed = release.evidence.some(e => e.kind === 'signature');
      const provenance = release.evidence.some(e => e.kind === 'provenance');
      const level = Math.max(
        0,
        ...release.evidence.map(e => e.slsaBuildLevel ?? 0),
      );
      if (signed && provenance && level >= 3)
        return answer(
          1,
          `Release ${release.release}: signed, with SLSA ${level} provenance.`,
          links(release, ['signature', 'provenance']),
        );
      if (signed || provenance)
        return answer(
          0.5,
          `Release ${release.release}: ${
            signed ? 'signed' : 'provenance'
          } only${level ? `, SLSA ${level}` : ''}.`,
          links(release, ['signature', 'provenance']),
        );
      return answer(
        0,
        `Release ${release.release} is neither signed nor has provenance.`,
      );
    },
  },
  {
    activityId: 'I-SB-2-B',
    why: 'Dependency and vulnerability scans attached to the release.',
    evaluate: ({ records: { releases } }) => {
      const release = latest(releases);
      if (!release) return undefined;
      const scans = release.evidence.filter(e => e.kind === 'scan');
      if (scans.length === 0)
        return answer(0, `Release ${release.release} has no scan results.`);
      const failed = scans.filter(s => s.result === 'fail').length;
      return failed
        ? answer(
            0.25,
            `${failed} of ${scans.length} scans of release ${release.release} failed.`,
            links(release, ['scan']),
          )
        : answer(
            1,
            `${scans.length} scans of release ${release.release} passed.`,
            links(release, ['scan']),
          );
    },
  },
  {
    activityId: 'I-SD-1-A',
    why: 'A go/no-go decision record for each release is a defined deployment process.',
    evaluate: ({ records: { releases } }) => {
      if (releases.length === 0) return undefined;
      const decided = releases.filter(
        r => r.decision !== 'pending' && r.decidedBy,
      );
      return answer(
        decided.length ? 1 : 0.25,
        `${decided.length} of ${releases.length} releases have a go/no-go decision by a person.`,
      );
    },
  },
  {
    activityId: 'I-SD-2-A',
    why: 'Promotion is controlled when every decided release carries evidence.',
    evaluate: ({ records: { releases } }) => {
      const decided = releases
        .filter(r => r.decision !== 'pending')
        .slice(0, 5);
      if (decided.length === 0) return undefined;
      const evidenced = decided.filter(r => r.evidence.length > 0).length;
      return answer(
        shareToValue(evidenced / decided.length),
        `${evidenced} of the last ${decided.length} decided releases were decided on recorded evidence.`,
      );
    },
  },
  {
    activityId: 'I-DM-1-A',
    why: 'Validation exits with findings resolved or accepted with tracked remediation.',
    evaluate: ({ records }) => {
      const validation = stage(records, 'validation');
      const findings = criterion(validation, 'findings-resolved');
      if (!validation) return undefined;
      return findings?.done
        ? answer(
            1,
            'Validation findings are resolved or tracked to remediation.',
            evidenceOf(findings),
          )
        : answer(0, 'Validation findings are not tracked to closure yet.');
    },
  },
  {
    activityId: 'I-DM-3-A',
    why: 'Exceptions carry an expiry; an expired exception is an unenforced deadline.',
    evaluate: ({ records: { exceptions } }) => {
      const relevant = exceptions.filter(e =>
        ['approved', 'expired'].includes(e.status),
      );
      if (relevant.length === 0) return undefined;
      const expired = relevant.filter(e => e.status === 'expired').length;
      return expired
        ? answer(
            0,
            `${expired} exception(s) expired without being closed or renewed.`,
          )
        : answer(
            1,
            `All ${relevant.length} approved exceptions are time-limited and current.`,
          );
    },
  },
];

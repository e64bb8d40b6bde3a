import { ReleaseRecord } from '@secmat/backstage-plugin-security-maturity-common';
import { conflict } from './RuleViolation';

/** Evidence is appended only while the release is undecided. */
export function checkEvidencePush(release: ReleaseRecord) {
  if (release.decision !== 'pending') {
    throw conflict(
      `Release ${release.release} was already decided (${release.decision}); evidence can no longer be added`,
    );
  }
}

/**
 * A release is decided once, by a person. A stale version is answered by the
 * versioned write with who changed it.
 */
export function checkReleaseDecision(
  release: ReleaseRecord,
  readVersion: number,
) {
  if (release.version === readVersion && release.decision !== 'pending') {
    throw conflict(
      `Release ${release.release} was already decided (${release.decision})`,
    );
  }
}

/** One decision record per release name. */
export function checkNewRelease(existing: ReleaseRecord | undefined) {
  if (existing) {
    throw conflict(`Release ${existing.release} already has a decision record`);
  }
}

import {
  ReleaseEvidence,
  ReleaseRecord,
} from '@secmat/backstage-plugin-security-maturity-common';
import { ConflictError, isError } from '@backstage/errors';
import { randomUUID } from 'crypto';
import * as families from '../../database/records/tables';
import {
  checkEvidencePush,
  checkNewRelease,
  checkReleaseDecision,
} from '../../domain/releaseRules';
import { EntityAccess } from '../../access/AccessControl';
import { change, RecordContext } from './RecordContext';

export async function createRelease(
  ctx: RecordContext,
  access: EntityAccess,
  input: { release: string },
): Promise<ReleaseRecord> {
  return change(ctx, access, async tx => {
    const [existing] = await tx.findWhere(families.releases, {
      release: input.release,
    });
    checkNewRelease(existing);
    const id = randomUUID();
    const created = await tx.insert(families.releases, id, {
      release: input.release,
      decision: 'pending',
      evidence: [],
      createdAt: tx.now,
    });
    await tx.history('release', id, 'create', { release: input.release });
    return created;
  });
}

/** How often a push retries after losing the race for the release's version. */
const EVIDENCE_PUSH_ATTEMPTS = 25;

/**
 * Evidence is appended (CI does not know versions), only while undecided.
 * Pushes to one release never conflict with each other: one that lost the
 * race to a simultaneous push (the versioned write found a newer version)
 * runs again on the release as it is now, until it lands.
 */
export async function pushReleaseEvidence(
  ctx: RecordContext,
  access: EntityAccess,
  id: string,
  input: Omit<ReleaseEvidence, 'pushedBy' | 'pushedAt'>,
): Promise<ReleaseRecord> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await appendReleaseEvidence(ctx, access, id, input);
    } catch (error) {
      // A stale version is the store's ConflictError; a decided release is a
      // rule violation, answered as it is.
      const lostRace = isError(error) && error.name === ConflictError.name;
      if (!lostRace || attempt >= EVIDENCE_PUSH_ATTEMPTS) throw error;
      await new Promise(resolve => setTimeout(resolve, Math.random() * 20));
    }
  }
}

function appendReleaseEvidence(
  ctx: RecordContext,
  access: EntityAccess,
  id: string,
  input: Omit<ReleaseEvidence, 'pushedBy' | 'pushedAt'>,
): Promise<ReleaseRecord> {
  return change(ctx, access, async tx => {
    const before = await tx.get(families.releases, id, 'The release');
    checkEvidencePush(before);
    const evidence: ReleaseEvidence = {
      ...input,
      pushedBy: access.actor,
      pushedAt: tx.now.toISOString(),
    };
    const after = await tx.update(
      families.releases,
      id,
      before.version,
      { evidence: [...before.evidence, evidence] },
      'The release',
    );
    await tx.history('release', id, 'evidence', {
      kind: input.kind,
      title: input.title,
      url: input.url,
    });
    return after;
  });
}

/** Go or no-go, by a person. */
export async function decideRelease(
  ctx: RecordContext,
  access: EntityAccess,
  id: string,
  input: { version: number; decision: 'go' | 'no_go'; note?: string },
): Promise<ReleaseRecord> {
  return change(ctx, access, async tx => {
    const before = await tx.get(families.releases, id, 'The release');
    checkReleaseDecision(before, input.version);
    const after = await tx.update(
      families.releases,
      id,
      input.version,
      {
        decision: input.decision,
        decisionNote: input.note ?? null,
        decidedBy: access.actor,
        decidedAt: tx.now,
      },
      'The release',
    );
    await tx.history('release', id, 'decide', {
      decision: { from: 'pending', to: input.decision },
    });
    return after;
  });
}

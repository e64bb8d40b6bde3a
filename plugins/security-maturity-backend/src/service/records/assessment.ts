import {
  AssessmentAnswer,
  normalizeSammActivityId,
} from '@secmat/backstage-plugin-security-maturity-common';
import * as families from '../../database/records/tables';
import { invalid } from '../../domain/RuleViolation';
import { EntityAccess } from '../../access/AccessControl';
import { change, RecordContext } from './RecordContext';

/** An owner's attested self-assessment answer to one SAMM activity. */
export async function putAssessmentAnswer(
  ctx: RecordContext,
  access: EntityAccess,
  rawActivityId: string,
  input: { version: number; value: number; notes?: string },
): Promise<AssessmentAnswer> {
  const activityId = normalizeSammActivityId(rawActivityId);
  if (!activityId) {
    throw invalid(`Unknown SAMM activity '${rawActivityId}'`);
  }
  return change(ctx, access, async tx => {
    const { after } = await tx.saveRecorded(
      families.assessmentAnswers,
      activityId,
      input.version,
      { value: input.value, notes: input.notes ?? null },
      {
        what: `The self-assessment answer for ${activityId}`,
        recordType: 'assessment',
        recordId: activityId,
      },
    );
    return after;
  });
}

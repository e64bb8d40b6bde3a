import {
  RasiAssignment,
  RasiUpdate,
} from '@secmat/backstage-plugin-security-maturity-common';
import * as families from '../../database/records/tables';
import { findRasiActivity, normalizeRasi } from '../../domain/rasiRules';
import { EntityAccess } from '../../access/AccessControl';
import { change, RecordContext, resolvePeopleRefs } from './RecordContext';

export async function putRasiAssignment(
  ctx: RecordContext,
  access: EntityAccess,
  activityId: string,
  input: RasiUpdate,
): Promise<RasiAssignment> {
  const activity = findRasiActivity(ctx.workflow, activityId);
  const resolve = (refs: string[], field: string) =>
    resolvePeopleRefs(ctx, access.credentials, refs, field);
  const [accountable] = await resolve([input.accountable], 'accountable');
  const values = normalizeRasi({
    accountable,
    responsible: await resolve(input.responsible, 'responsible'),
    supportive: await resolve(input.supportive, 'supportive'),
    informed: await resolve(input.informed, 'informed'),
  });
  return change(ctx, access, async tx => {
    const { after } = await tx.saveRecorded(
      families.rasiAssignments,
      activityId,
      input.version,
      values,
      {
        what: `RASI for '${activity.title}'`,
        recordType: 'rasi',
        recordId: activityId,
      },
    );
    return after;
  });
}

import {
  RasiAssignment,
  RasiUpdate,
} from '@secmat/backstage-plugin-security-maturity-common';
import * as families from '../../database/records/tables';
import {
  checkAccountableAppointment,
  findRasiActivity,
  normalizeRasi,
} from '../../domain/rasiRules';
import { EntityAccess } from '../../access/AccessControl';
import { change, RecordContext, resolvePeopleRefs } from './RecordContext';
import { diff } from '../../domain/diff';

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
      before => {
        checkAccountableAppointment({
          workflow: ctx.workflow,
          activity,
          before: before?.accountable,
          accountable: values.accountable,
          actor: access.actor,
          ownershipRefs: access.ownershipRefs,
          isSecurityLead: access.isSecurityLead,
          separation: ctx.signOffSeparation,
        });
        return values;
      },
      {
        what: `RASI for '${activity.title}'`,
        recordType: 'rasi',
        recordId: activityId,
      },
    );
    return after;
  });
}

/** One row of an imported workbook: an assignment, at the version exported. */
export type RasiImportRow = RasiUpdate & { activityId: string };

/**
 * A workbook's assignments of one component, all or none in one
 * transaction: each checked as one edit (people in the catalog, exactly one
 * Accountable, sign-off separation), each guarded by the version exported (a
 * change since is a 409 and nothing of the component is written), each with
 * a history row naming the workbook.
 */
export async function importRasiAssignments(
  ctx: RecordContext,
  access: EntityAccess,
  input: { workbook: string; rows: RasiImportRow[] },
): Promise<RasiAssignment[]> {
  const all = input.rows.flatMap(r => [
    r.accountable,
    ...r.responsible,
    ...r.supportive,
    ...r.informed,
  ]);
  // One catalog lookup for the whole component; refs come back normalized.
  const resolved = await resolvePeopleRefs(
    ctx,
    access.credentials,
    all,
    'workbook',
  );
  const byInput = new Map(all.map((ref, i) => [ref, resolved[i]]));
  const norm = (refs: string[]) => refs.map(ref => byInput.get(ref)!);
  const prepared = input.rows.map(row => ({
    row,
    activity: findRasiActivity(ctx.workflow, row.activityId),
    values: normalizeRasi({
      accountable: byInput.get(row.accountable) ?? row.accountable,
      responsible: norm(row.responsible),
      supportive: norm(row.supportive),
      informed: norm(row.informed),
    }),
  }));
  return change(ctx, access, async tx => {
    const out: RasiAssignment[] = [];
    for (const { row, activity, values } of prepared) {
      const before = await tx.find(families.rasiAssignments, row.activityId);
      checkAccountableAppointment({
        workflow: ctx.workflow,
        activity,
        before: before?.accountable,
        accountable: values.accountable,
        actor: access.actor,
        ownershipRefs: access.ownershipRefs,
        isSecurityLead: access.isSecurityLead,
        separation: ctx.signOffSeparation,
      });
      const after = await tx.save(
        families.rasiAssignments,
        row.activityId,
        row.version,
        values,
        `RASI for '${activity.title}'`,
      );
      await tx.history('rasi', row.activityId, before ? 'update' : 'create', {
        ...diff(before, after),
        workbook: input.workbook,
      });
      out.push(after);
    }
    return out;
  });
}

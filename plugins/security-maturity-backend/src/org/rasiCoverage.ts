import {
  normalizeEntityRef,
  OrgRasiCoverage,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { RasiAssignments } from '../database/org/OrgReadModel';

/**
 * Per configured RASI activity: the components with an Accountable and the
 * rest of the `total`. Per Supportive person or group (refs compared as the
 * catalog does, case-insensitively): how many components they back and in
 * how many assignments, most components first, then by ref.
 */
export function rasiCoverage(
  workflow: WorkflowConfig,
  assignments: RasiAssignments,
  total: number,
): OrgRasiCoverage {
  const partners = new Map<string, { components: Set<string>; n: number }>();
  for (const a of assignments.supportive) {
    for (const ref of a.refs) {
      const key = normalizeEntityRef(ref);
      const p = partners.get(key) ?? { components: new Set(), n: 0 };
      p.components.add(a.entityRef);
      p.n += 1;
      partners.set(key, p);
    }
  }
  return {
    activities: workflow.rasiActivities.map(a => {
      const covered = assignments.accountable.get(a.id) ?? 0;
      return {
        activityId: a.id,
        title: a.title,
        covered,
        missingAccountable: total - covered,
      };
    }),
    partners: [...partners]
      .map(([ref, p]) => ({
        ref,
        components: p.components.size,
        assignments: p.n,
      }))
      .sort(
        (a, b) => b.components - a.components || a.ref.localeCompare(b.ref),
      ),
  };
}

import {
  DAY_MS,
  OrgBottleneck,
  requiredStageIds,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { StageProgress } from '../database/org/OrgReadModel';
import { median } from './sums';

/**
 * Per configured stage, over the components whose tier requires it: how many
 * are in progress, blocked and not started, and the median days the stuck
 * ones (in progress or blocked) have had their status. A required component
 * with no row for the stage has not started it either.
 */
export function bottlenecks(
  workflow: WorkflowConfig,
  progress: StageProgress,
  now: Date,
): OrgBottleneck[] {
  const days = new Map<string, number[]>();
  for (const r of progress.stuck) {
    if (!r.statusSince) continue;
    const list = days.get(r.stageId) ?? [];
    list.push((now.getTime() - r.statusSince.getTime()) / DAY_MS);
    days.set(r.stageId, list);
  }
  return workflow.stages.map(stage => {
    const requiredIn = (tier: string | null) =>
      requiredStageIds(workflow, tier).includes(stage.id);
    const rows = progress.rows.filter(r => r.stageId === stage.id);
    let inProgress = 0;
    let blocked = 0;
    let notStarted = 0;
    for (const r of rows) {
      if (!requiredIn(r.tier)) continue;
      if (r.status === 'in_progress') inProgress += r.count;
      else if (r.status === 'blocked') blocked += r.count;
      else if (r.status === 'not_started') notStarted += r.count;
    }
    for (const { tier, count } of progress.componentsByTier) {
      if (!requiredIn(tier)) continue;
      const withRow = rows
        .filter(r => r.tier === tier)
        .reduce((a, r) => a + r.count, 0);
      notStarted += count - withRow;
    }
    return {
      stageId: stage.id,
      title: stage.title,
      inProgress,
      blocked,
      notStarted,
      medianDaysInStatus: median(days.get(stage.id) ?? []),
    };
  });
}

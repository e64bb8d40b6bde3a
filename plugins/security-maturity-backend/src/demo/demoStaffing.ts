import { quarterOf } from '../staffing/StaffingService';
import { LEAD } from './demoCast';

/**
 * The demo's staffing plan: the security partner's capacity in components
 * per quarter, as the lead set it in the staffing workbook. Priya supports
 * every demo component (Supportive in their RASI) and has room for fewer
 * this quarter than last, so the capacity view shows her over-allocated:
 * the workbook's round trip is how a lead rebalances.
 */
export function demoCapacities(now: Date) {
  const quarterBefore = (n: number) =>
    quarterOf(
      new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 3 * n, 15)),
    );
  return [
    { partnerRef: LEAD, quarter: quarterBefore(1), capacity: 14, version: 0 },
    { partnerRef: LEAD, quarter: quarterBefore(0), capacity: 10, version: 0 },
    { partnerRef: LEAD, quarter: quarterBefore(-1), capacity: 10, version: 0 },
  ];
}

import { OrgFilter, OrgSort, OrgUnitKind } from '../org';

/** The filters of the org-wide views, as query parameters. @public */
export const ORG_FILTER_KEYS: ReadonlyArray<keyof OrgFilter> = [
  'owner',
  'system',
  'domain',
  'tier',
  'lifecycle',
  'type',
  'q',
];

/** The kinds of entity whose Security tab is a team view. @public */
export const ORG_UNIT_KINDS: ReadonlyArray<OrgUnitKind> = [
  'group',
  'system',
  'domain',
];

/** The sorts of the org-wide component list. @public */
export const ORG_SORTS: ReadonlyArray<OrgSort> = [
  'overall',
  'percentToTarget',
  'name',
  'openGates',
  'exceptions',
];

/** The sheets of the quarterly metrics pack, in order. @public */
export const METRICS_PACK_SHEETS = [
  'Summary',
  'Scores by group',
  'Practices by group',
  'Trend',
  'Gate throughput',
  'Exceptions',
  'Worksheets',
  'RASI coverage',
  'Security partners',
  'Components',
  'Campaigns',
] as const;

/** The name of a metrics pack sheet. @public */
export type MetricsPackSheet = (typeof METRICS_PACK_SHEETS)[number];

import {
  CLEARED_STATUSES,
  EntityRecords,
  ExceptionStatus,
  StageRecord,
  ExceptionRecord,
  WorksheetRecord,
} from '../types';

/** Exception statuses that still count as open: requested or approved. @public */
export const OPEN_EXCEPTION_STATUSES: ReadonlySet<ExceptionStatus> =
  new Set<ExceptionStatus>(['requested', 'approved']);

/** Whether an exception is still open (requested or approved). @public */
export const isOpenException = (status: ExceptionStatus): boolean =>
  OPEN_EXCEPTION_STATUSES.has(status);

/** The counts every summary of an entity's records shows. @public */
export type RecordsSummary = {
  requiredGates: number;
  clearedGates: number;
  openExceptions: number;
  expiredExceptions: number;
  openWorksheets: number;
};

/**
 * Gates cleared of the required ones, open and expired exceptions, open
 * worksheets: the same counts on the score rows, the summary strip and the
 * overview card.
 *
 * @public
 */
export function summarizeRecords(records: {
  requiredStageIds: Iterable<string>;
  stages: ReadonlyArray<Pick<StageRecord, 'stageId' | 'status'>>;
  exceptions: ReadonlyArray<Pick<ExceptionRecord, 'status'>>;
  worksheets: ReadonlyArray<Pick<WorksheetRecord, 'status'>>;
}): RecordsSummary {
  const required = new Set(records.requiredStageIds);
  let clearedGates = 0;
  for (const s of records.stages) {
    if (required.has(s.stageId) && CLEARED_STATUSES.has(s.status)) {
      clearedGates++;
    }
  }
  let openExceptions = 0;
  let expiredExceptions = 0;
  for (const e of records.exceptions) {
    if (OPEN_EXCEPTION_STATUSES.has(e.status)) openExceptions++;
    else if (e.status === 'expired') expiredExceptions++;
  }
  let openWorksheets = 0;
  for (const w of records.worksheets) {
    if (w.status === 'open') openWorksheets++;
  }
  return {
    requiredGates: required.size,
    clearedGates,
    openExceptions,
    expiredExceptions,
    openWorksheets,
  };
}

/**
 * The records of an entity that has none yet (every list empty, no intake),
 * with every stage required.
 *
 * @public
 */
export const emptyEntityRecords = (
  requiredStageIds: string[] = [],
): EntityRecords => ({
  intake: null,
  requiredStageIds,
  stages: [],
  rasi: [],
  exceptions: [],
  worksheets: [],
  decisions: [],
  releases: [],
  assessment: [],
});

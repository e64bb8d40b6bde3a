import {
  DecisionRecord,
  EntityRecords,
  emptyEntityRecords,
  ExceptionRecord,
  HistoryEntry,
  Page,
  RasiAssignment,
  ReleaseRecord,
  WorksheetRecord,
} from '@secmat/backstage-plugin-security-maturity-common';
import { RecordsTransaction } from './RecordsTransaction';

/** An entity's records as stored; requiredStageIds follows from config. */
export type StoredRecords = Omit<EntityRecords, 'requiredStageIds'>;

/** The records of an entity that has none yet. */
export const emptyStoredRecords = (): StoredRecords => {
  const { requiredStageIds: _, ...records } = emptyEntityRecords();
  return records;
};

/** The header of an entity's records: raised by every change. */
export type RecordsHeader = {
  version: number;
  updatedAt: string;
  updatedBy: string;
};

/** The paged lists of an entity's records, by name. */
export type ListedRecords = {
  exceptions: ExceptionRecord;
  worksheets: WorksheetRecord;
  decisions: DecisionRecord;
  releases: ReleaseRecord;
  history: HistoryEntry;
};

export type ListName = keyof ListedRecords;

/** An approved exception whose expiry has passed. */
export type DueException = { entityRef: string; id: string };

/**
 * The records of catalog entities: stages, intake, RASI, exceptions,
 * worksheets, decisions, releases, self-assessment answers and their history.
 * Entity refs are keyed in normalised form.
 */
export interface RecordsStore {
  /** Everything the Security tab shows of one entity (lists capped). */
  readPicture(
    entityRef: string,
  ): Promise<StoredRecords & { header?: RecordsHeader }>;
  /** The records of many entities, one query per table (for scoring). */
  readRecords(entityRefs: string[]): Promise<Map<string, StoredRecords>>;
  /** The RASI assignments of one entity (who reads its confidential contents). */
  readRasi(entityRef: string): Promise<RasiAssignment[]>;
  /** The records' version of each entity (0 where nothing is recorded). */
  readVersions(entityRefs: string[]): Promise<Map<string, number>>;
  listPage<L extends ListName>(
    list: L,
    entityRef: string,
    limit: number,
    offset: number,
  ): Promise<Page<ListedRecords[L]>>;
  /**
   * Runs one change to one entity's records in a transaction and raises the
   * entity's records header (version, who, when) with it. `now` is the time
   * the change is recorded at (the clock's own jobs pass theirs).
   */
  mutate<T>(
    entityRef: string,
    actor: string,
    fn: (tx: RecordsTransaction) => Promise<T>,
    now?: Date,
  ): Promise<T>;
  /** Whether any entity has records at all. */
  hasAnyRecords(): Promise<boolean>;
  /** Approved exceptions whose expiry is at or before `now`. */
  findDueExceptions(now: Date): Promise<DueException[]>;
}

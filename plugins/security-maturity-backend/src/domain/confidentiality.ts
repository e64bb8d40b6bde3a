import {
  ExceptionRecord,
  HistoryEntry,
  normalizeEntityRef,
  RasiAssignment,
  WorksheetRecord,
} from '@secmat/backstage-plugin-security-maturity-common';

/**
 * Who reads the confidential contents of a component's records, and what the
 * others see instead. An exception's justification and compensating controls
 * say exactly which control is missing and why; a worksheet's timeline,
 * findings, actions and lessons say how an incident went and what is still
 * open. Only the component's insiders read them: its owners, the people named
 * in its RASI (directly or through a group) and security leads. Everyone else
 * who may read the component sees that the records exist, with their control,
 * status, risk rating and dates, and a `redacted` flag.
 *
 * The rule is plain data in, data out; AccessControl adds the permission
 * policy's say (a DENY narrows, a conditional decision widens).
 */

/** Whether one of the caller's ownership refs is named anywhere in the RASI. */
export function isNamedInRasi(
  rasi: ReadonlyArray<
    Pick<
      RasiAssignment,
      'responsible' | 'accountable' | 'supportive' | 'informed'
    >
  >,
  ownershipRefs: ReadonlyArray<string>,
): boolean {
  const mine = new Set(ownershipRefs.map(normalizeEntityRef));
  return rasi.some(a =>
    [...a.responsible, a.accountable, ...a.supportive, ...a.informed].some(
      ref => mine.has(normalizeEntityRef(ref)),
    ),
  );
}

/** The confidential fields of each record type, as history rows name them. */
export const CONFIDENTIAL_FIELDS: Record<string, ReadonlyArray<string>> = {
  exception: ['justification', 'compensatingControls', 'decisionNote'],
  worksheet: ['timeline', 'actions', 'findings', 'lessons', 'lesson'],
};

/** An exception without its justification, compensating controls and note. */
export function redactException<T extends ExceptionRecord>(exception: T): T {
  const { decisionNote: _, ...rest } = exception;
  return {
    ...rest,
    justification: '',
    compensatingControls: '',
    redacted: true,
  } as T;
}

/**
 * A worksheet with its who, when and state, without its text: timeline
 * entries, action descriptions and lessons are emptied, findings left out.
 */
export function redactWorksheet(worksheet: WorksheetRecord): WorksheetRecord {
  return {
    ...worksheet,
    timeline: worksheet.timeline.map(t => ({ ...t, entry: '' })),
    actions: worksheet.actions.map(a => ({ ...a, description: '' })),
    findings: [],
    lessons: worksheet.lessons.map(l => ({ ...l, lesson: '' })),
    redacted: true,
  };
}

/**
 * The reason of a stage a lesson re-opened, without the lesson. Stages
 * re-opened before lessons became confidential kept the lesson's text in
 * their reason (`Lesson from "<worksheet>": <lesson>`); they read as the
 * reason written now.
 */
export function redactReopenReason<T extends string | undefined | null>(
  reason: T,
): T {
  const legacy = /^Lesson from "(.*)": (?!read it in the worksheet$)/s.exec(
    reason ?? '',
  );
  return (
    legacy ? `Lesson from "${legacy[1]}": read it in the worksheet` : reason
  ) as T;
}

/** A history row without the confidential fields its changes name. */
export function redactHistoryEntry(entry: HistoryEntry): HistoryEntry {
  if (
    entry.recordType === 'stage' &&
    typeof entry.changes.reason === 'string'
  ) {
    const reason = redactReopenReason(entry.changes.reason);
    return reason === entry.changes.reason
      ? entry
      : { ...entry, changes: { ...entry.changes, reason }, redacted: true };
  }
  const fields = CONFIDENTIAL_FIELDS[entry.recordType];
  if (!fields || !fields.some(f => f in entry.changes)) return entry;
  const changes = Object.fromEntries(
    Object.entries(entry.changes).filter(([key]) => !fields.includes(key)),
  );
  return { ...entry, changes, redacted: true };
}

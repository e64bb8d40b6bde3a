/** The records of the Security tab that carry their own anchor. @public */
export type SecurityTabRecordKind = 'exception' | 'stage' | 'worksheet';

/** The tab section (its anchor id) that lists each kind of record. */
const SECTION_OF: Record<SecurityTabRecordKind, string> = {
  exception: 'security-exceptions',
  stage: 'security-stages',
  worksheet: 'security-worksheets',
};

/**
 * The anchor id of one record in an entity's Security tab, e.g.
 * `security-exception-6f1c…`: the tab gives the record's element this id, and
 * links (tasks, notifications) put it after `#` to open the tab at it.
 *
 * @public
 */
export function securityTabRecordAnchor(
  kind: SecurityTabRecordKind,
  id: string,
): string {
  return `security-${kind}-${id}`;
}

/**
 * The section a record anchor belongs to, for when the record itself is not
 * on the tab (lists show their newest records only): the link then opens the
 * section instead. Undefined for anything that is not a record anchor.
 *
 * @public
 */
export function securityTabSectionOf(anchor: string): string | undefined {
  const kind = (Object.keys(SECTION_OF) as SecurityTabRecordKind[]).find(k =>
    anchor.startsWith(`security-${k}-`),
  );
  return kind && SECTION_OF[kind];
}

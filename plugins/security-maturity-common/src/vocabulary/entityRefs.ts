/**
 * The form in which the plugin stores and compares entity refs: the catalog
 * compares refs case-insensitively, so every key is lower-cased the same way.
 *
 * @public
 */
export function normalizeEntityRef(ref: string): string {
  return ref.toLocaleLowerCase('en-US');
}

/**
 * The signals channel on which the backend announces every committed change
 * of an entity's security records, so an open Security tab can offer a
 * reload before its next edit runs into a version conflict.
 *
 * @public
 */
export function entitySignalChannel(entityRef: string): string {
  return `security-maturity:entity:${normalizeEntityRef(entityRef)}`;
}

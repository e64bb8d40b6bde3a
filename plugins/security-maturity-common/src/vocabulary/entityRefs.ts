/**
 * The form in which the plugin stores and compares entity refs: the catalog
 * compares refs case-insensitively, so every key is lower-cased the same way.
 *
 * @public
 */
export function normalizeEntityRef(ref: string): string {
  return ref.toLocaleLowerCase('en-US');
}

import { invalid } from './RuleViolation';

/**
 * The configured item with this id (a stage, a RASI activity), or a 400 that
 * lists the ids the configuration has.
 */
export function findConfigured<T extends { id: string }>(
  items: ReadonlyArray<T>,
  id: string,
  unknown: (known: string) => string,
): T {
  const item = items.find(i => i.id === id);
  if (!item) {
    throw invalid(unknown(items.map(i => i.id).join(', ')));
  }
  return item;
}

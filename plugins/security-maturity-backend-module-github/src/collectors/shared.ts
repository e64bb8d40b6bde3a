import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';

export const PROJECT_SLUG_ANNOTATION = 'github.com/project-slug';

const NAME = /^[A-Za-z0-9_.-]{1,100}$/;

/** The owner and repository of the entity's annotation, if it has a valid one. */
export function projectSlug(
  entity: Entity,
): { owner: string; repo: string } | undefined {
  const slug = entity.metadata.annotations?.[PROJECT_SLUG_ANNOTATION]?.trim();
  if (!slug) return undefined;
  const [owner, repo, ...rest] = slug.split('/');
  if (rest.length || !NAME.test(owner ?? '') || !NAME.test(repo ?? '')) {
    return undefined;
  }
  if (repo === '.' || repo === '..' || owner === '.' || owner === '..') {
    return undefined;
  }
  return { owner, repo };
}

export const DAY_MS = 86_400_000;

export const addDays = (iso: string, days: number) =>
  new Date(Date.parse(iso) + days * DAY_MS).toISOString();

/**
 * The state of one collector run (the plugin calls `collect` once per page
 * with the same `now`): what has been logged, so that a problem that affects
 * every entity is logged once per run, and whether the run has given up on
 * the API (unreachable, rate limited beyond the cap).
 */
export class RunState {
  #run = NaN;
  #logged = new Set<string>();
  #stopped: string | undefined;

  constructor(private readonly logger: LoggerService) {}

  /** Starts a new run when `now` differs from the last page's. */
  page(now: Date) {
    if (now.getTime() !== this.#run) {
      this.#run = now.getTime();
      this.#logged.clear();
      this.#stopped = undefined;
    }
  }

  warnOnce(key: string, message: string) {
    if (this.#logged.has(key)) return;
    this.#logged.add(key);
    this.logger.warn(message);
  }

  /** Gives up on the API for the rest of this run, logging why once. */
  stop(reason: string) {
    if (this.#stopped) return;
    this.#stopped = reason;
    this.logger.warn(reason);
  }

  get stopped() {
    return this.#stopped !== undefined;
  }
}

/** Runs `fn` over `items`, at most `limit` at a time, in order of results. */
export async function mapLimit<T, R>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker),
  );
  return results;
}

export const refOf = (entity: Entity) => stringifyEntityRef(entity);

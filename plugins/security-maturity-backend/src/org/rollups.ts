import { OrgRollup } from '@secmat/backstage-plugin-security-maturity-common';
import { OwnerSnapshotSums, ProgressSums } from '../database/org/OrgReadModel';
import { OrgStructure } from './OrgStructure';
import { addProgressSums, emptyProgressSums, toProgress } from './progress';
import { addSums, emptySums, means, Sums } from './sums';

/** The last part of a ref, for things the catalog has no title for. */
const nameOf = (ref: string) => ref.replace(/^.*\//, '');

/** Deeper than this, a (broken) hierarchy is not indented any further. */
const MAX_DEPTH = 50;

/** Progress sums of the same slices as the score sums, since a day. */
export type ProgressBy = {
  since: string;
  sums: Map<string | null, ProgressSums>;
};

/**
 * Per owner and owner group: the slices of the components it owns and of
 * every group below it. With an owner filter (`owners`: a group and its
 * nested groups) ancestors outside the view get nothing.
 */
function totalsByGroup<T>(
  byOwner: Map<string | null, T>,
  org: OrgStructure,
  owners: string[] | undefined,
  empty: () => T,
  addInto: (into: T, s: T) => void,
): Map<string, T> {
  const totals = new Map<string, T>();
  const add = (ref: string, s: T) => {
    const t = totals.get(ref) ?? empty();
    addInto(t, s);
    totals.set(ref, t);
  };
  const inView = (ref: string) => !owners || owners.includes(ref);
  for (const [owner, s] of byOwner) {
    if (!owner) continue;
    add(owner, s);
    if (owner.startsWith('group:')) {
      for (const a of org.ancestors(owner)) if (inView(a)) add(a, s);
    }
  }
  return totals;
}

/** The progress of a rollup's slice, when progress was asked for. */
const progressOf = (progress: ProgressBy | undefined, s?: ProgressSums) =>
  progress
    ? { progress: toProgress(s ?? emptyProgressSums(), progress.since) }
    : {};

/**
 * Rollups by owner group including nested groups: each group counts the
 * components it owns and those of every group below it. Returned in tree
 * order (a parent before its children, siblings by ref) with depths for
 * indenting. With an owner filter (`owners`: a group and its nested groups)
 * the view is that subtree: ancestors outside it get nothing. With
 * `progress`, each group's progress since its day, rolled up the same way.
 */
export function groupRollups(
  byOwner: Map<string | null, Sums>,
  org: OrgStructure,
  owners?: string[],
  progress?: ProgressBy,
): OrgRollup[] {
  const totals = totalsByGroup(byOwner, org, owners, emptySums, addSums);
  const progressTotals = progress
    ? totalsByGroup(
        progress.sums,
        org,
        owners,
        emptyProgressSums,
        addProgressSums,
      )
    : undefined;
  // A group's parent in the view: one with components of its own or below.
  const parentInView = (ref: string) => {
    const parent = org.groups.get(ref)?.parentRef ?? null;
    return parent && totals.has(parent) ? parent : null;
  };
  const children = new Map<string | null, string[]>();
  for (const ref of totals.keys()) {
    const parent = parentInView(ref);
    children.set(parent, [...(children.get(parent) ?? []), ref]);
  }
  const out: OrgRollup[] = [];
  const visit = (parent: string | null, depth: number) => {
    const refs = (children.get(parent) ?? []).sort();
    for (const ref of refs) {
      out.push({
        ref,
        title: org.groups.get(ref)?.title ?? nameOf(ref),
        parentRef: parent,
        depth,
        ...means(totals.get(ref) ?? emptySums()),
        ...progressOf(progress, progressTotals?.get(ref)),
      });
      if (depth < MAX_DEPTH) visit(ref, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/**
 * Rollups by system (their parent is their domain), and by domain (the sums
 * of its systems), each lowest score first, then by ref.
 */
export function systemAndDomainRollups(
  bySystem: Map<string | null, Sums>,
  org: OrgStructure,
  progress?: ProgressBy,
): { systems: OrgRollup[]; domains: OrgRollup[] } {
  const systems: OrgRollup[] = [];
  const domainSums = new Map<string, Sums>();
  const domainProgress = new Map<string, ProgressSums>();
  for (const [ref, s] of bySystem) {
    if (!ref) continue;
    const system = org.systems.get(ref);
    const moved = progress?.sums.get(ref);
    systems.push({
      ref,
      title: system?.title ?? nameOf(ref),
      parentRef: system?.domainRef ?? null,
      depth: 0,
      ...means(s),
      ...progressOf(progress, moved),
    });
    if (system?.domainRef) {
      const d = domainSums.get(system.domainRef) ?? emptySums();
      addSums(d, s);
      domainSums.set(system.domainRef, d);
      if (moved) {
        const p = domainProgress.get(system.domainRef) ?? emptyProgressSums();
        addProgressSums(p, moved);
        domainProgress.set(system.domainRef, p);
      }
    }
  }
  const domains: OrgRollup[] = [...domainSums].map(([ref, s]) => ({
    ref,
    title: org.domains.get(ref)?.title ?? nameOf(ref),
    parentRef: null,
    depth: 0,
    ...means(s),
    ...progressOf(progress, domainProgress.get(ref)),
  }));
  const byScore = (a: OrgRollup, b: OrgRollup) =>
    a.overall - b.overall || a.ref.localeCompare(b.ref);
  return { systems: systems.sort(byScore), domains: domains.sort(byScore) };
}

/** Components and their summed score. */
export type ScoreTotal = { components: number; overall: number };

/**
 * Snapshot sums per owner rolled up: over everything, and per owner group
 * including every group nested below it.
 */
export function snapshotTotals(
  rows: OwnerSnapshotSums,
  org: OrgStructure,
): { all: ScoreTotal; byGroup: Map<string, ScoreTotal> } {
  const byGroup = new Map<string, ScoreTotal>();
  const add = (ref: string, components: number, overall: number) => {
    const t = byGroup.get(ref) ?? { components: 0, overall: 0 };
    t.components += components;
    t.overall += overall;
    byGroup.set(ref, t);
  };
  let all: ScoreTotal = { components: 0, overall: 0 };
  for (const r of rows) {
    all = {
      components: all.components + r.components,
      overall: all.overall + r.overall,
    };
    if (!r.ownerRef) continue;
    add(r.ownerRef, r.components, r.overall);
    for (const a of org.ancestors(r.ownerRef)) add(a, r.components, r.overall);
  }
  return { all, byGroup };
}

/** The mean score of a total; null without components. */
export const meanOf = (t?: ScoreTotal): number | null =>
  t && t.components ? t.overall / t.components : null;

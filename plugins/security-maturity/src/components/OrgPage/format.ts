import { parseEntityRef } from '@backstage/catalog-model';

export const score = (n: number | null | undefined) =>
  n === null || n === undefined ? '–' : n.toFixed(2);

export const percent = (n: number | null | undefined) =>
  n === null || n === undefined ? '–' : `${Math.round(n)}%`;

/** A change of score with its sign: `+0.25`, `−0.10`, `0.00`. */
export const change = (n: number | null | undefined) => {
  if (n === null || n === undefined) return '–';
  const shown = Math.abs(n).toFixed(2);
  if (shown === '0.00') return shown;
  return `${n > 0 ? '+' : '−'}${shown}`;
};

/** `group:default/payments-team` → `payments-team` (namespace when not default). */
export function shortRef(ref: string | null | undefined) {
  if (!ref) return '–';
  try {
    const { namespace, name } = parseEntityRef(ref);
    return namespace === 'default' ? name : `${namespace}/${name}`;
  } catch {
    return ref;
  }
}

/** The quarter of a date, e.g. `2026-Q4`, and the three before it. */
export function recentQuarters(now = new Date()) {
  const out: string[] = [];
  let year = now.getUTCFullYear();
  let q = Math.floor(now.getUTCMonth() / 3) + 1;
  for (let i = 0; i < 4; i++) {
    out.push(`${year}-Q${q}`);
    q -= 1;
    if (q === 0) {
      q = 4;
      year -= 1;
    }
  }
  return out;
}

import { Entity } from '@backstage/catalog-model';
import {
  SAMM_PRACTICES,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { defaultWorkflow } from '../../config/defaults';
import { OrgStructure } from '../OrgStructure';
import { Sums } from '../sums';

const group = (name: string, parent?: string, title?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default', ...(title ? { title } : {}) },
  spec: { type: 'team', children: [] },
  relations: parent
    ? [{ type: 'childOf', targetRef: `group:default/${parent}` }]
    : [],
});

const ownedBy = (owner?: string) =>
  owner ? [{ type: 'ownedBy', targetRef: owner }] : [];

const system = (name: string, domain?: string, owner?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name, namespace: 'default' },
  spec: {},
  relations: [
    ...(domain
      ? [{ type: 'partOf', targetRef: `domain:default/${domain}` }]
      : []),
    ...ownedBy(owner),
  ],
});

const domain = (name: string, title?: string, owner?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Domain',
  metadata: { name, namespace: 'default', ...(title ? { title } : {}) },
  spec: {},
  relations: ownedBy(owner),
});

export const PE = 'group:default/product-engineering';
export const PAYMENTS = 'group:default/payments-team';
export const CHECKOUT = 'group:default/checkout-squad';
export const IDENTITY = 'group:default/identity-team';
export const LEADS = 'group:default/security-leads';

/**
 * Product Engineering ⊃ Payments ⊃ Checkout squad, and Identity; the
 * security leads on their own. Systems checkout (commerce, owned by
 * Payments), accounts (identity, owned by Identity) and a system without a
 * domain or owner; Product Engineering owns the commerce domain.
 */
export const testOrg = () =>
  new OrgStructure([
    group('product-engineering', undefined, 'Product Engineering'),
    group('Payments-Team', 'product-engineering', 'Payments'),
    group('checkout-squad', 'payments-team'),
    group('identity-team', 'product-engineering'),
    group('security-leads'),
    domain('commerce', 'Commerce', 'group:default/product-engineering'),
    domain('identity'),
    system('checkout', 'commerce', 'Group:default/Payments-Team'),
    system('accounts', 'identity', 'group:default/identity-team'),
    system('orphan'),
  ]);

const perPractice = (value: number) =>
  Object.fromEntries(SAMM_PRACTICES.map(p => [p.id, value]));

/**
 * The sums of `components` components each scoring `score` everywhere;
 * `withTarget` of them with `target` and `gap` in every practice.
 */
export function slice(
  components: number,
  score: number,
  extra: Partial<Pick<Sums, 'withTarget' | 'belowTarget'>> & {
    target?: number;
    gap?: number;
  } = {},
): Sums {
  const total = components * score;
  const withTarget = extra.withTarget ?? 0;
  return {
    components,
    overall: total,
    withTarget,
    belowTarget: extra.belowTarget ?? 0,
    functions: { G: total, D: total, I: total, V: total, O: total },
    practices: perPractice(total),
    targets: perPractice(withTarget * (extra.target ?? 0)),
    gaps: perPractice(withTarget * (extra.gap ?? 0)),
  };
}

/** A workflow of the given stages: ID to the tiers that require it. */
export function workflowOf(
  stages: Record<string, string[]>,
  rasiActivities = defaultWorkflow.rasiActivities,
): WorkflowConfig {
  const template = defaultWorkflow.stages[0];
  return {
    ...defaultWorkflow,
    stages: Object.entries(stages).map(([id, requiredForTiers]) => ({
      ...template,
      id,
      title: `Stage ${id}`,
      requiredForTiers,
    })),
    rasiActivities,
  };
}

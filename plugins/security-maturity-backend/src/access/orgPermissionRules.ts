import { PermissionsRegistryServiceAddResourceTypeOptions } from '@backstage/backend-plugin-api';
import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
  CreatePermissionRuleOptions,
} from '@backstage/plugin-permission-node';
import {
  normalizeEntityRef,
  RESOURCE_TYPE_SECURITY_MATURITY_ORG_UNIT,
  securityMaturityOrgReadPermission,
} from '@secmat/backstage-plugin-security-maturity-common';
import { OrgStructure, OrgUnit } from '../org/OrgStructure';

/**
 * The org unit filter a rule stands for: units whose lineage (the unit's
 * group or owner and the groups above it) includes one of the values.
 *
 * @public
 */
export type OrgUnitFilter = { key: 'lineage'; values: string[] };

/**
 * The org units of the security-maturity plugin as a permission resource:
 * `security-maturity.org.read` is checked against them.
 *
 * @public
 */
export const orgUnitPermissionResourceRef = createPermissionResourceRef<
  OrgUnit,
  OrgUnitFilter
>().with({
  pluginId: 'security-maturity',
  resourceType: RESOURCE_TYPE_SECURITY_MATURITY_ORG_UNIT,
});

type GroupRefsParams = { groupRefs: string[] };

const groupRefsJsonSchema = {
  type: 'object',
  properties: {
    groupRefs: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description:
        'Group entity refs, e.g. group:default/product-engineering: their views, those of every group nested below them, and of the systems and domains they own',
    },
  },
  required: ['groupRefs'],
  additionalProperties: false,
};

/**
 * `{ groupRefs: string[] }` as a Standard Schema with its JSON Schema, which
 * the permission framework uses to validate a policy's parameters and to show
 * them to policy tools. Written out by hand: one array of strings does not
 * warrant a schema library in the plugin's dependencies.
 */
const groupRefsParamsSchema: NonNullable<
  CreatePermissionRuleOptions<
    typeof orgUnitPermissionResourceRef,
    GroupRefsParams
  >['paramsSchema']
> = {
  '~standard': {
    version: 1,
    vendor: 'security-maturity',
    validate(value: unknown) {
      const refs = (value as Partial<GroupRefsParams> | null)?.groupRefs;
      if (
        !Array.isArray(refs) ||
        refs.some(ref => typeof ref !== 'string' || ref.trim() === '')
      ) {
        return {
          issues: [
            {
              message:
                'groupRefs must be an array of group entity refs, e.g. group:default/product-engineering',
              path: ['groupRefs'],
            },
          ],
        };
      }
      return { value: { groupRefs: refs } };
    },
    jsonSchema: {
      input: () => groupRefsJsonSchema,
      output: () => groupRefsJsonSchema,
    },
  },
};

/**
 * The org unit is one of the given groups or nested below one of them, or a
 * system or domain owned by such a group. This is how a policy grants a
 * manager the org views of their own subtree of groups.
 */
const isInGroupSubtree = createPermissionRule({
  name: 'IS_IN_GROUP_SUBTREE',
  description:
    'Allow the org views of the given groups, of every group nested below them, and of the systems and domains they own',
  resourceRef: orgUnitPermissionResourceRef,
  paramsSchema: groupRefsParamsSchema,
  apply: (unit, { groupRefs }) => {
    const wanted = new Set(groupRefs.map(normalizeEntityRef));
    return unit.lineage.some(ref => wanted.has(ref));
  },
  toQuery: ({ groupRefs }) => ({
    key: 'lineage',
    values: groupRefs.map(normalizeEntityRef),
  }),
});

/**
 * The built-in rules of the org unit resource.
 *
 * @public
 */
export const securityMaturityOrgRules = { isInGroupSubtree };

const { conditions, createConditionalDecision } = createConditionExports({
  resourceRef: orgUnitPermissionResourceRef,
  rules: securityMaturityOrgRules,
});

/**
 * Conditions for `security-maturity.org.read` in a permission policy, e.g.
 * `securityMaturityOrgConditions.isInGroupSubtree({ groupRefs: [...] })`.
 *
 * @public
 */
export const securityMaturityOrgConditions = conditions;

/**
 * Wraps org unit conditions into a conditional decision for a policy to
 * return for `security-maturity.org.read`.
 *
 * @public
 */
export const createSecurityMaturityOrgConditionalDecision =
  createConditionalDecision;

/**
 * The org unit resource type as the permissions registry takes it. Units are
 * loaded from the org structure, so that the permission backend can evaluate
 * a policy's conditions for callers that name a unit (such as a frontend's
 * `usePermission` with a group's ref).
 */
export function orgUnitResourceType(orgSource: {
  get(): Promise<OrgStructure>;
}): PermissionsRegistryServiceAddResourceTypeOptions<
  typeof RESOURCE_TYPE_SECURITY_MATURITY_ORG_UNIT,
  OrgUnit,
  OrgUnitFilter
> {
  return {
    resourceRef: orgUnitPermissionResourceRef,
    permissions: [securityMaturityOrgReadPermission],
    rules: Object.values(securityMaturityOrgRules),
    getResources: async refs => {
      const org = await orgSource.get();
      return refs.map(ref => org.unit(ref));
    },
  };
}

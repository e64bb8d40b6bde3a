/**
 * Backend plugin of Security maturity for Backstage.
 *
 * @packageDocumentation
 */

export { securityMaturityPlugin as default } from './plugin';
// For permission policies: the conditions of `security-maturity.org.read`
// (grant a subtree of groups), and the org unit resource for custom rules.
export {
  createSecurityMaturityOrgConditionalDecision,
  orgUnitPermissionResourceRef,
  securityMaturityOrgConditions,
  securityMaturityOrgRules,
} from './access/orgPermissionRules';
export type { OrgUnitFilter } from './access/orgPermissionRules';
export type { OrgUnit } from './org/OrgStructure';

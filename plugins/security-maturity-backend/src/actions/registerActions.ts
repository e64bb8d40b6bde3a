import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { WorkflowConfig } from '@secmat/backstage-plugin-security-maturity-common';
import { OrgService } from '../org/OrgService';
import { RecordsService } from '../service/RecordsService';
import { registerChangeActions } from './changeActions';
import { registerOrgActions } from './orgActions';
import { registerReadActions } from './readActions';

/**
 * The plugin's actions in Backstage's actions registry, which serves them to
 * MCP clients and software templates. Each calls the same services as the
 * REST routes, with the caller's credentials.
 */
export function registerActions(deps: {
  actionsRegistry: ActionsRegistryService;
  records: RecordsService;
  org: OrgService;
  workflow: WorkflowConfig;
}) {
  registerReadActions(deps);
  registerChangeActions(deps);
  registerOrgActions(deps);
}

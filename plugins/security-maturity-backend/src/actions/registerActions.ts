import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { WorkflowConfig } from '@secmat/backstage-plugin-security-maturity-common';
import { OrgService } from '../org/OrgService';
import { RecordsService } from '../service/RecordsService';
import { TasksService } from '../service/TasksService';
import { registerChangeActions } from './changeActions';
import { registerOrgActions } from './orgActions';
import { registerReadActions } from './readActions';
import { registerTaskActions } from './taskActions';

/**
 * The plugin's actions in Backstage's actions registry, which serves them to
 * MCP clients and software templates. Each calls the same services as the
 * REST routes, with the caller's credentials.
 */
export function registerActions(deps: {
  actionsRegistry: ActionsRegistryService;
  records: RecordsService;
  org: OrgService;
  tasks: TasksService;
  workflow: WorkflowConfig;
}) {
  registerReadActions(deps);
  registerChangeActions(deps);
  registerOrgActions(deps);
  registerTaskActions(deps);
}

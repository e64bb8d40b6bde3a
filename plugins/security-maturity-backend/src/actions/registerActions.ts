import { LoggerService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import { WorkflowConfig } from '@secmat/backstage-plugin-security-maturity-common';
import { OrgService } from '../org/OrgService';
import { findInputProblem, printableField } from '../domain/inputRules';
import { toPublicError } from '../service/publicErrors';
import { RecordsService } from '../service/RecordsService';
import { TasksService } from '../service/TasksService';
import { registerChangeActions } from './changeActions';
import { registerOrgActions } from './orgActions';
import { registerReadActions } from './readActions';
import { registerRoadmapActions } from './roadmapActions';
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
  logger: LoggerService;
}) {
  const all = {
    ...deps,
    actionsRegistry: withInputHygiene(deps.actionsRegistry, deps.logger),
  };
  registerReadActions(all);
  registerChangeActions(all);
  registerOrgActions(all);
  registerTaskActions(all);
  registerRoadmapActions(all);
}

/**
 * The registry with the REST API's input rules around every action: the
 * input (zod-checked by the registry; its datetimes are real calendar dates
 * without leap seconds) holds no control characters, broken text or numbers
 * JSON cannot carry, and database errors answer as on the REST API (a 409 for
 * a duplicate, a generic error otherwise, never SQL text).
 */
function withInputHygiene(
  registry: ActionsRegistryService,
  logger: LoggerService,
): ActionsRegistryService {
  return {
    register(options) {
      registry.register({
        ...options,
        action: async context => {
          const found = findInputProblem(context.input);
          if (found) {
            throw new InputError(
              `${printableField(found.field)} ${found.problem}`,
            );
          }
          try {
            return await options.action(context);
          } catch (error) {
            throw toPublicError(error, logger);
          }
        },
      });
    },
  };
}

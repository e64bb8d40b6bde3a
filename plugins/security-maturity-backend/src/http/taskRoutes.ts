import { ApiRouter } from '@backstage/backend-openapi-utils';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import { spec } from '../schema/openapi.generated';
import { TasksService } from '../service/TasksService';
import { callerOf } from './callers';

/**
 * "My security tasks". The spec has checked the list name and the paging;
 * the tasks service refuses anyone but a user (a service owes nothing).
 */
export function registerTaskRoutes(
  router: ApiRouter<typeof spec>,
  options: { httpAuth: HttpAuthService; tasks: TasksService },
) {
  const { httpAuth, tasks } = options;

  router.get('/tasks', async (req, res) => {
    const limit = Number(req.query.limit ?? 5);
    res.json(await tasks.summary(await callerOf(httpAuth, req), limit));
  });

  router.get('/tasks/:list', async (req, res) => {
    res.json(
      await tasks.list(await callerOf(httpAuth, req), req.params.list, {
        limit: Number(req.query.limit ?? 20),
        offset: Number(req.query.offset ?? 0),
      }),
    );
  });
}

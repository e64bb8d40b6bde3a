import { HttpAuthService } from '@backstage/backend-plugin-api';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../schema/openapi.generated';
import { RecordsService } from '../service/RecordsService';
import { ENTITY_PATH as E, entityCaller, pageOf } from './callers';

/** The reads of one entity's records: the whole record, and paged lists. */
export function registerEntityRecordsRoutes(
  router: ApiRouter<typeof spec>,
  options: { httpAuth: HttpAuthService; records: RecordsService },
) {
  const { records } = options;
  const at = entityCaller(options.httpAuth);

  router.get(E, async (req, res) => {
    res.json(await records.getEntityRecord(...(await at(req))));
  });

  const lists = [
    'exceptions',
    'worksheets',
    'decisions',
    'releases',
    'history',
  ] as const;
  // CI reads it before deploying; a person still decides.
  router.get(`${E}/releases/:id/verdict`, async (req, res) => {
    res.json(
      await records.getReleaseVerdict(...(await at(req)), req.params.id),
    );
  });

  for (const list of lists) {
    router.get(`${E}/${list}`, async (req, res) => {
      res.json(
        await records.listRecords(...(await at(req)), list, pageOf(req.query)),
      );
    });
  }
}

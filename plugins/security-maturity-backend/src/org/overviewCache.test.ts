import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { OrgOverview } from '@secmat/backstage-plugin-security-maturity-common';
import { defaultWorkflow } from '../config/defaults';
import { DatabaseOrgReadModel } from '../database/org/DatabaseOrgReadModel';
import { inDays, people } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';
import { OrgService } from './OrgService';
import { OrgStructure } from './OrgStructure';
import { orgEntities, PE, setUp } from './__testUtils__/orgBackend';

jest.setTimeout(120_000);

const databases = createTestDatabases();

const COMPONENTS = [
  'payments-api',
  'checkout-web',
  'login-service',
  'audit-lib',
];
const STATUSES = ['not_started', 'in_progress', 'blocked'];
const OWNERS = [undefined, PE, 'group:default/payments-team'];

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s % n;
  };
}

/**
 * The overview without the clock: when it was generated, and the median days
 * in status (computed from "now", which differs by the milliseconds between
 * the two computations), compared apart.
 */
function withoutClock(overview: OrgOverview) {
  const { generatedAt, bottlenecks, ...rest } = overview as any;
  return {
    ...rest,
    bottlenecks: bottlenecks.map(({ medianDaysInStatus, ...b }: any) => ({
      ...b,
      medianDays: Math.round((medianDaysInStatus ?? -1) * 100),
    })),
  };
}

describe.each(databases.eachSupportedId())(
  'cached org overviews on %s',
  databaseId => {
    it('answer exactly what the queries answer, after every kind of change', async () => {
      const backend = await setUp(databases, databaseId);
      const { as, knex, tasks } = backend;
      const lead = as(people.lead);
      // The same view computed without a cache, from the same database.
      const org = new OrgStructure(orgEntities);
      const uncached = new OrgService({
        access: {
          reader: async () => ({
            actor: people.lead,
            isSecurityLead: true,
            ownershipRefs: new Set([people.lead]),
            securityLeadGroups: ['group:default/security-leads'],
            grants: () => true,
          }),
          unit: async () => {
            throw new Error('not used');
          },
        },
        auditor: mockServices.auditor.mock(),
        readModel: new DatabaseOrgReadModel(knex),
        orgSource: { get: async () => org },
        workflow: defaultWorkflow,
      });
      const compare = async (step: string) => {
        for (const owner of OWNERS) {
          const query = owner ? `&owner=${encodeURIComponent(owner)}` : '';
          const cached = await lead.plugin(
            `/org/overview?withinDays=30${query}`,
          );
          expect(cached.status).toBe(200);
          const expected = await uncached.overview(
            { credentials: mockCredentials.user(people.lead) },
            owner ? { owner } : {},
            30,
          );
          expect({ step, owner, overview: withoutClock(cached.body) }).toEqual({
            step,
            owner,
            overview: withoutClock(expected),
          });
        }
      };
      const generatedAt = async () =>
        (await lead.plugin('/org/overview?withinDays=30')).body.generatedAt;

      await compare('start');
      // Without a change the answer is the cached one, computed once.
      const first = await generatedAt();
      await new Promise(r => setTimeout(r, 5));
      expect(await generatedAt()).toBe(first);

      const next = random(databaseId.length * 7919);
      const rescore = tasks.find(t => t.id === 'security-maturity-rescore')!;
      for (let step = 0; step < 12; step++) {
        const name = COMPONENTS[next(COMPONENTS.length)];
        const component = as(
          people.lead,
          `/api/security-maturity/entities/component/default/${name}`,
        );
        const kind = next(4);
        let label: string;
        if (kind === 0) {
          const picture = (await component.get('')).body;
          const stageId = defaultWorkflow.stages[next(3)].id;
          const stage = picture.stages.find((s: any) => s.stageId === stageId);
          const status = STATUSES[next(STATUSES.length)];
          const put = await component.put(`/stages/${stageId}`, {
            version: stage?.version ?? 0,
            status,
            checklist: [],
          });
          label = `${name} ${stageId} ${status}: ${put.status}`;
        } else if (kind === 1) {
          const requested = await component.post('/exceptions', {
            controlId: 'run-as-non-root',
            justification: 'Legacy agent',
            compensatingControls: 'Isolated node pool',
            riskRating: 'medium',
            expiresAt: inDays(1 + next(60)),
          });
          label = `${name} exception: ${requested.status}`;
        } else if (kind === 2) {
          const picture = (await component.get('')).body;
          const rasi = picture.rasi.find(
            (r: any) => r.activityId === 'design-review',
          );
          const put = await component.put('/rasi/design-review', {
            version: rasi?.version ?? 0,
            responsible: [],
            accountable: 'group:default/security-leads',
            supportive: next(2) ? [people.lead2] : [],
            informed: [],
          });
          label = `${name} RASI: ${put.status}`;
        } else {
          const picture = (await component.get('')).body;
          const answer = picture.assessment.find(
            (a: any) => a.activityId === 'D-TA-1-A',
          );
          const put = await component.put('/assessment/D-TA-1-A', {
            version: answer?.version ?? 0,
            value: [0, 0.25, 0.5, 1][next(4)],
          });
          await rescore.fn(new AbortController().signal);
          label = `${name} answer and rescoring: ${put.status}`;
        }
        await compare(`step ${step}: ${label}`);
      }
      // Every change moved the count the cache keys on.
      const [{ version }] = await knex('data_version').select('version');
      expect(Number(version)).toBeGreaterThan(12);
      expect(await generatedAt()).not.toBe(first);
    });
  },
);

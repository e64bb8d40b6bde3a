import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { mockCredentials } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import request from 'supertest';
import { base, people, startBackend } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';
import { checkRoadmapPhase, roadmapItemOwner } from './roadmapRules';
import { defaultWorkflow } from '../config/defaults';

jest.setTimeout(90_000);

const databases = createTestDatabases();

const today = new Date().toISOString().slice(0, 10);
const dayOffset = (days: number) =>
  new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);

const phase1 = {
  version: 0,
  name: 'Threat model the payment flows',
  items: [
    { activityId: 'D-TA-1-A', plannedAnswer: 1, dueOn: dayOffset(-60) },
    // The toolbox spelling is accepted and stored in the model's.
    { activityId: 'D-TA-B-1', plannedAnswer: 0.5, dueOn: dayOffset(-90) },
  ],
};
const phase2 = {
  version: 0,
  name: 'Harden the build',
  items: [
    {
      activityId: 'I-SB-1-A',
      plannedAnswer: 1,
      dueOn: dayOffset(-10),
      ownerRef: 'user:default/tom',
    },
    // Lower than phase 1 plans: a plan never lowers a score.
    { activityId: 'D-TA-1-A', plannedAnswer: 0.25, dueOn: dayOffset(-20) },
  ],
};
const phase3 = {
  version: 0,
  name: 'Test what we require',
  items: [{ activityId: 'V-ST-1-A', plannedAnswer: 0.5, dueOn: dayOffset(30) }],
};

/** The toolbox formula by hand for these answers: see each step below. */
const close = (n: number) => expect.closeTo(n, 10);

describe.each(databases.eachSupportedId())('roadmap on %s', databaseId => {
  it('projects the score per phase, measures it against the snapshots and resolves owners', async () => {
    const { as, knex, audits } = await startBackend(databases, databaseId);
    // Tier 2 (confidential data), and one attested answer: D-TA-1-A = 0.5.
    expect(
      (
        await as(people.owner).put('/intake', {
          version: 0,
          dataClassification: 'confidential',
          newIntegrations: false,
          authFlowChanges: false,
          internetExposure: false,
          regulatoryObligations: [],
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await as(people.owner).put('/assessment/D-TA-1-A', {
          version: 0,
          value: 0.5,
        })
      ).status,
    ).toBe(200);
    // The Responsible for threat modeling owns threat-assessment items.
    expect(
      (
        await as(people.lead).put('/rasi/threat-modeling', {
          version: 0,
          responsible: [people.owner],
          accountable: 'group:default/security-leads',
          supportive: [],
          informed: [],
        })
      ).status,
    ).toBe(200);

    for (const [n, body] of [phase1, phase2, phase3].entries()) {
      const res = await as(people.owner).put(`/roadmap/phases/${n + 1}`, body);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ phase: n + 1, version: 1 });
    }
    expect(
      (await as(people.owner).get('/roadmap')).body.phases[0].items[1]
        .activityId,
    ).toBe('D-TA-1-B');

    // Snapshots: phase 1 due 60 days ago, the day's overall above its plan;
    // phase 2 due 10 days ago, the latest snapshot before it (15 days ago)
    // below its plan.
    const snapshot = (day: string, overall: number) => ({
      entity_ref: 'component:default/payments-api',
      day,
      overall,
      functions: '{}',
      practices: '{}',
    });
    await knex('score_snapshots').insert([
      snapshot(dayOffset(-60), 0.06),
      snapshot(dayOffset(-15), 0.07),
    ]);

    const { body: roadmap, status } = await as(people.owner).get('/roadmap');
    expect(status).toBe(200);
    expect(roadmap).toMatchObject({ tier: '2', target: 1.5, canEdit: true });

    // Now: D-TA-1 = (0.5 + 0) / 2 = 0.25 = D-TA; D = 0.25 / 3; overall = D / 5.
    expect(roadmap.current.overall).toEqual(close(0.25 / 3 / 5));
    // Phase 1: D-TA-1 = (1 + 0.5) / 2 = 0.75; D = 0.75 / 3 = 0.25; overall 0.05.
    const [p1, p2, p3] = roadmap.phases;
    expect(p1.projected.practices['D-TA']).toEqual(close(0.75));
    expect(p1.projected.functions.D).toEqual(close(0.25));
    expect(p1.projected.overall).toEqual(close(0.05));
    // Phase 2: D-TA-1-A stays 1 (max of planned); I-SB-1 = (1 + 0) / 2 = 0.5,
    // I = 0.5 / 3; overall = (0.25 + 0.5 / 3) / 5.
    expect(p2.projected.practices['D-TA']).toEqual(close(0.75));
    expect(p2.projected.practices['I-SB']).toEqual(close(0.5));
    expect(p2.projected.overall).toEqual(close((0.25 + 0.5 / 3) / 5));
    // Phase 3: V-ST-1 = (0.5 + 0) / 2 = 0.25; V = 0.25 / 3.
    expect(p3.projected.overall).toEqual(
      close((0.25 + 0.5 / 3 + 0.25 / 3) / 5),
    );

    // Percent to target by SAMM's relative metrics, by hand from the tier's
    // profile: 100 × (1 − Σ max(0, target − score) / Σ target).
    const config = (await as(people.owner).plugin('/config')).body;
    const targets: Record<string, number> = config.tiers.find(
      (t: { id: string }) => t.id === '2',
    ).targetProfile.practices;
    const percent = (practices: Record<string, number>) => {
      let gaps = 0;
      let sum = 0;
      for (const [p, t] of Object.entries(targets)) {
        gaps += Math.max(0, t - (practices[p] ?? 0));
        sum += t;
      }
      return 100 * (1 - gaps / sum);
    };
    for (const phase of [roadmap.current, p1.projected, p2.projected]) {
      expect(phase.percentToTarget).toEqual(close(percent(phase.practices)));
    }
    expect(p3.projected.percentToTarget).toBeGreaterThan(
      p2.projected.percentToTarget,
    );
    const dTarget = targets['D-TA'];
    expect(p1.projected.practicePercentToTarget['D-TA']).toEqual(
      close(100 * (1 - Math.max(0, dTarget - 0.75) / dTarget)),
    );

    // Progress against the plan.
    expect(p1.progress).toMatchObject({
      dueOn: dayOffset(-60),
      actualOverall: expect.closeTo(0.06, 6),
      actualDay: dayOffset(-60),
      status: 'met',
      itemsDone: 0,
      itemsTotal: 2,
    });
    expect(p2.progress).toMatchObject({
      dueOn: dayOffset(-10),
      actualOverall: expect.closeTo(0.07, 6),
      actualDay: dayOffset(-15),
      status: 'missed',
    });
    // Ahead: the latest snapshot, today's (written by the last rescoring).
    expect(p3.progress).toMatchObject({
      dueOn: dayOffset(30),
      actualDay: today,
      // Snapshots are single-precision floats on PostgreSQL.
      actualOverall: expect.closeTo(roadmap.current.overall, 6),
      status: 'upcoming',
    });

    // Owners: set; the RASI Responsible of threat modeling; the owner.
    expect(p1.items[0]).toMatchObject({
      owner: people.owner,
      ownerSource: 'rasi',
      currentAnswer: 0.5,
      done: false,
      overdue: true,
    });
    expect(p2.items[0]).toMatchObject({
      owner: people.otherTeam,
      ownerSource: 'set',
    });
    expect(p3.items[0]).toMatchObject({
      owner: 'group:default/payments-team',
      ownerSource: 'owner',
      overdue: false,
    });

    // Done once the current answer reaches the plan.
    await as(people.owner).put('/assessment/D-TA-1-A', {
      version: 1,
      value: 1,
    });
    const after = (await as(people.owner).get('/roadmap')).body;
    expect(after.phases[0].items[0].done).toBe(true);
    expect(after.phases[0].progress.itemsDone).toBe(1);
    // The phase-2 item planned lower than now is done too.
    expect(after.phases[1].items[1].done).toBe(true);

    // History rows and audit events, as for every record.
    const history = await knex('history').where({ record_type: 'roadmap' });
    expect(history).toHaveLength(3);
    expect(
      audits.filter(
        a => a.actionType === 'roadmap-update' && a.status === 'success',
      ),
    ).toHaveLength(3);
  });

  it('refuses bad input, non-owners and stale versions, writing nothing', async () => {
    const { as, knex, audits, server } = await startBackend(
      databases,
      databaseId,
    );
    expect(
      (await as(people.owner).put('/roadmap/phases/1', phase1)).status,
    ).toBe(200);
    const rows = async () => ({
      phases: await knex('roadmap_phases'),
      history: (await knex('history')).length,
    });
    const before = await rows();

    const bad = async (item: object, field: RegExp) => {
      const res = await as(people.owner).put('/roadmap/phases/2', {
        ...phase2,
        items: [phase2.items[0], { ...phase2.items[1], ...item }],
      });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(field);
      expect(await rows()).toEqual(before);
    };
    await bad({ activityId: 'G-XX-1-A' }, /items.*1.*activityId/);
    await bad({ plannedAnswer: 0.3 }, /plannedAnswer/);
    await bad({ dueOn: '2027-02-30' }, /dueOn/);
    await bad({ dueOn: '2027-13-01' }, /dueOn/);
    await bad({ ownerRef: 'user:default/ghost' }, /ownerRef.*ghost/);

    // A roadmap plans a component's answers: not a group's (yet).
    const team = '/api/security-maturity/entities/group/default/payments-team';
    const groupPut = await as(people.lead, team).put(
      '/roadmap/phases/1',
      phase1,
    );
    expect(groupPut.status).toBe(400);
    expect(groupPut.body.error.message).toMatch(
      /plans a component's SAMM answers/,
    );
    expect((await as(people.lead, team).get('/roadmap')).status).toBe(400);
    expect(await rows()).toEqual(before);

    // Someone from another team may read it, but not edit it.
    const read = await as(people.otherTeam).get('/roadmap');
    expect(read.status).toBe(200);
    expect(read.body.canEdit).toBe(false);
    expect(
      (await as(people.otherTeam).put('/roadmap/phases/2', phase2)).status,
    ).toBe(403);
    expect(
      audits.find(
        a => a.actionType === 'roadmap-update' && a.status === 'fail',
      ),
    ).toBeDefined();
    expect(await rows()).toEqual(before);

    // A security lead may; a stale version gets 409.
    const edited = await as(people.lead).put('/roadmap/phases/1', {
      ...phase1,
      version: 1,
      name: 'Threat model every flow',
    });
    expect(edited.body).toMatchObject({ version: 2, updatedBy: people.lead });
    const stale = await as(people.owner).put('/roadmap/phases/1', {
      ...phase1,
      version: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/changed by user:default\/lena/);
    const recreate = await as(people.owner).put('/roadmap/phases/1', phase1);
    expect(recreate.status).toBe(409);
    expect((await knex('roadmap_phases').first()).name).toBe(
      'Threat model every flow',
    );

    // Removing a phase: at the version read.
    const remove = (version: number, who = people.owner) =>
      request(server)
        .delete(`${base}/roadmap/phases/1?version=${version}`)
        .set('Authorization', mockCredentials.user.header(who));
    expect((await remove(2, people.otherTeam)).status).toBe(403);
    expect((await remove(1)).status).toBe(409);
    const removed = await remove(2);
    expect(removed.status).toBe(200);
    expect(removed.body.name).toBe('Threat model every flow');
    expect(await knex('roadmap_phases')).toHaveLength(0);
    expect((await remove(3)).status).toBe(404);
    expect(
      await knex('history').where({ record_type: 'roadmap', action: 'delete' }),
    ).toHaveLength(1);
  });
});

describe.each(databases.eachSupportedId())(
  'roadmap actions on %s',
  databaseId => {
    it('plan and read a phase through the records service, as the caller', async () => {
    let registry: ReturnType<typeof actionsRegistryServiceMock> | undefined;
    const registryFactory = createServiceFactory({
      service: actionsRegistryServiceRef,
      deps: { logger: coreServices.logger },
      factory: ({ logger }) => {
        registry = actionsRegistryServiceMock({ logger });
        return registry;
      },
    });
    const { knex, audits } = await startBackend(databases, databaseId, [
      registryFactory,
    ]);
    const invoke = (who: string, name: string, input: object) =>
      registry!.invoke({
        id: `test:${name}`,
        input: input as any,
        credentials: mockCredentials.user(who),
      });
    const input = { entityRef: 'payments-api', phase: 1, ...phase3 };
    await expect(invoke(people.otherTeam, 'set-roadmap-phase', input)).rejects.toThrow(/may not|not allowed|owner/i);
    await expect(
      invoke(people.owner, 'set-roadmap-phase', {
        ...input,
        items: [{ ...phase3.items[0], dueOn: '2027-02-30' }],
      }),
    ).rejects.toThrow(/items\[0\]\.dueOn/);
    expect(await knex('roadmap_phases')).toHaveLength(0);
    const { output } = await invoke(people.owner, 'set-roadmap-phase', input);
    expect(output).toEqual({ phase: 1, name: 'Test what we require', version: 1 });
    const { output: read } = await invoke(people.otherTeam, 'get-roadmap', {
      entityRef: 'payments-api',
    });
    expect(read).toMatchObject({
      canEdit: false,
      phases: [
        {
          phase: 1,
          status: 'upcoming',
          items: [{ activityId: 'V-ST-1-A', ownerSource: 'owner', done: false }],
        },
      ],
    });
    expect(audits.filter(a => a.actionType === 'roadmap-update').map(a => a.status)).toEqual(['fail', 'fail', 'success']);
  }); // prettier-ignore
  },
);

describe('roadmap rules', () => {
  it('name the field of bad input, whoever calls (not only the HTTP spec)', () => {
    const check = (item: object) => () =>
      checkRoadmapPhase(1, {
        name: 'x',
        items: [
          {
            activityId: 'D-TA-1-A',
            plannedAnswer: 1,
            dueOn: '2027-01-31',
            ...item,
          } as any,
        ],
      });
    expect(check({ activityId: 'D-TA-4-A' })).toThrow(
      /items\[0\]\.activityId: unknown/,
    );
    expect(check({ plannedAnswer: 0.75 })).toThrow(/items\[0\]\.plannedAnswer/);
    expect(check({ dueOn: '2026-02-29' })).toThrow(/items\[0\]\.dueOn/);
    expect(check({ dueOn: '31/01/2027' })).toThrow(/items\[0\]\.dueOn/);
    expect(check({})).not.toThrow();
    expect(check({ dueOn: '2028-02-29' })).not.toThrow();
    expect(() => checkRoadmapPhase(13, { name: 'x', items: [] })).toThrow(
      /phase/,
    );
    expect(() =>
      checkRoadmapPhase(1, {
        name: 'x',
        items: [
          { activityId: 'D-TA-1-A', plannedAnswer: 1, dueOn: '2027-01-31' },
          { activityId: 'D-TA-A-1', plannedAnswer: 1, dueOn: '2027-01-31' },
        ],
      }),
    ).toThrow(/planned twice/);
  });

  it('default an owner to the RASI Responsible, else the component owner', () => {
    const item = {
      activityId: 'I-SB-2-A',
      plannedAnswer: 1 as const,
      dueOn: '2027-01-31',
    };
    const rasi = [
      {
        activityId: 'implementation-review',
        responsible: ['user:default/olivia'],
        accountable: 'group:default/payments-team',
        supportive: [],
        informed: [],
        version: 1,
        updatedAt: '',
        updatedBy: '',
      },
    ];
    expect(
      roadmapItemOwner(item, defaultWorkflow, rasi, 'group:default/x'),
    ).toEqual({
      owner: 'user:default/olivia',
      ownerSource: 'rasi',
    });
    expect(
      roadmapItemOwner(item, defaultWorkflow, [], 'group:default/x'),
    ).toEqual({
      owner: 'group:default/x',
      ownerSource: 'owner',
    });
    expect(roadmapItemOwner(item, defaultWorkflow, [], undefined)).toEqual({
      owner: null,
      ownerSource: 'none',
    });
  });
});

import { createBackendModule } from '@backstage/backend-plugin-api';
import { securityMaturityScorersExtensionPoint } from '@secmat/backstage-plugin-security-maturity-node';
import { people, startBackend } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(60_000);

const databases = createTestDatabases();

// A scorer as a module would add it: evidence for D-TA-1-A once intake exists.
const intakeScorer = createBackendModule({
  pluginId: 'security-maturity',
  moduleId: 'test-intake',
  register(reg) {
    reg.registerInit({
      deps: { scorers: securityMaturityScorersExtensionPoint },
      async init({ scorers }) {
        scorers.addScorer({
          id: 'test-intake',
          title: 'Intake',
          description: 'Risk profile from intake',
          score: ({ records }) =>
            records.intake
              ? [
                  {
                    id: 'D-TA-1-A',
                    value: 1,
                    rationale: `Tier ${records.intake.tier}`,
                    links: [],
                  },
                ]
              : [],
        });
      },
    });
  },
});

const intake = {
  version: 0,
  dataClassification: 'restricted',
  newIntegrations: false,
  authFlowChanges: false,
  internetExposure: false,
  regulatoryObligations: [],
};

describe.each(databases.eachSupportedId())('scoring on %s', databaseId => {
  it('scores from evidence, then attested answers, and moves at once when a record changes', async () => {
    const { as } = await startBackend(databases, databaseId, [intakeScorer]);

    const before = await as(people.otherTeam).get('/score');
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({
      overall: 0,
      tier: null,
      target: null,
      percentToTarget: null,
    });
    expect(before.body.activities).toHaveLength(90);
    expect(
      before.body.activities.every(
        (a: { source: string }) => a.source === 'none',
      ),
    ).toBe(true);

    // Attested answers count where no rule has evidence; evidence wins where it has.
    await as(people.owner).put('/assessment/D-TA-1-A', {
      version: 0,
      value: 0.25,
    });
    await as(people.owner).put('/assessment/D-TA-1-B', {
      version: 0,
      value: 0.5,
      notes: 'Whiteboard session',
    });
    const attested = await as(people.owner).get('/score');
    expect(attested.body.practices['D-TA']).toBeCloseTo((0.25 + 0.5) / 2, 10);
    expect(
      attested.body.activities.find((a: { id: string }) => a.id === 'D-TA-1-B'),
    ).toMatchObject({
      source: 'attested',
      value: 0.5,
      rationale: `Attested by user:default/olivia on ${new Date()
        .toISOString()
        .slice(0, 10)}: Whiteboard session.`,
    });

    await as(people.owner).put('/intake', intake);
    const after = await as(people.owner).get('/score');
    expect(after.body).toMatchObject({ tier: '1', target: 2 });
    expect(
      after.body.activities.find((a: { id: string }) => a.id === 'D-TA-1-A'),
    ).toMatchObject({
      source: 'evidence',
      value: 1,
      rationale: 'Tier 1',
      ruleId: 'test-intake',
    });
    // D-TA level 1: (1 + 0.5) / 2 = 0.75 → design 0.25, overall 0.05, 2.5 % of target 2.
    expect(after.body.practices['D-TA']).toBe(0.75);
    expect(after.body.overall).toBeCloseTo(0.05, 10);
    expect(after.body.percentToTarget).toBeCloseTo(2.5, 10);

    const history = await as(people.owner).get('/score/history?days=30');
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0].overall).toBeCloseTo(0.05, 10);
  });

  it('stops counting attested answers past their age', async () => {
    const { as, knex } = await startBackend(databases, databaseId);
    await as(people.owner).put('/assessment/G-SM-1-A', {
      version: 0,
      value: 1,
    });
    expect((await as(people.owner).get('/score')).body.practices['G-SM']).toBe(
      0.5,
    );
    await knex('assessment_answers').update({
      updated_at: new Date(Date.now() - 400 * 86_400_000),
    });
    // Any change rescores; the stale answer no longer counts.
    await as(people.owner).put('/assessment/G-SM-2-A', {
      version: 0,
      value: 0,
    });
    const score = await as(people.owner).get('/score');
    expect(score.body.practices['G-SM']).toBe(0);
    expect(
      score.body.activities.find((a: { id: string }) => a.id === 'G-SM-1-A')
        .rationale,
    ).toMatch(/from \d{4}-\d{2}-\d{2} is older than the 365-day limit/);
  });

  it('rescores the whole catalog in a global scheduled task and keeps daily snapshots', async () => {
    const { tasks, knex } = await startBackend(databases, databaseId);
    const task = tasks.find(t => t.id === 'security-maturity-rescore')!;
    expect(task.scope).toBe('global');
    await knex('score_snapshots').insert({
      entity_ref: 'component:default/gone',
      day: '2020-01-01',
      overall: 1,
      functions: '{}',
      practices: '{}',
    });

    await task.fn(new AbortController().signal);

    const rows = await knex('entity_scores');
    expect(rows.map(r => [r.entity_ref, r.owner_ref, r.kind])).toEqual([
      [
        'component:default/payments-api',
        'group:default/payments-team',
        'component',
      ],
    ]);
    const snapshots = await knex('score_snapshots');
    expect(snapshots.map(s => s.entity_ref)).toEqual([
      'component:default/payments-api',
    ]);
  });

  it('skips components whose entity, records and configuration did not change', async () => {
    const { tasks, knex, as } = await startBackend(databases, databaseId);
    const task = tasks.find(t => t.id === 'security-maturity-rescore')!;
    await task.fn(new AbortController().signal);
    const first = await knex('entity_scores').first();
    expect(first.inputs_fingerprint).toMatch(/^[0-9a-f]{40}$/);

    // A second run the same day does not recompute: a value planted in the
    // stored row survives, and so does the time it was computed.
    await knex('entity_scores').update({ overall: 2.5 });
    await task.fn(new AbortController().signal);
    const second = await knex('entity_scores').first();
    expect(Number(second.overall)).toBe(2.5);
    expect(new Date(second.computed_at)).toEqual(new Date(first.computed_at));

    // Any record change raises the records' version: scored again at once.
    expect((await as(people.owner).put('/intake', intake)).status).toBe(200);
    const changed = await knex('entity_scores').first();
    expect(Number(changed.overall)).not.toBe(2.5);
    expect(changed.inputs_fingerprint).not.toBe(first.inputs_fingerprint);
  });

  it('on a later day, leaves unchanged scores alone but gives each a snapshot, and rescores those whose validity ran out', async () => {
    const { tasks, knex, as } = await startBackend(databases, databaseId);
    const task = tasks.find(t => t.id === 'security-maturity-rescore')!;
    const today = new Date().toISOString().slice(0, 10);

    // An attested answer holds for the configured 365 days from when it
    // was given: the stored score says so.
    expect(
      (
        await as(people.owner).put('/assessment/G-SM-1-A', {
          version: 0,
          value: 1,
        })
      ).status,
    ).toBe(200);
    const [answer] = await knex('assessment_answers');
    const scored = await knex('entity_scores').first();
    expect(new Date(scored.valid_until).getTime()).toBe(
      new Date(answer.updated_at).getTime() + 366 * 86_400_000,
    );

    // As if the last run had been yesterday: no snapshot for today yet.
    await knex('score_snapshots').delete();
    await knex('entity_scores').update({
      overall: 2.5,
      snapshot_day: '2020-01-01',
    });
    await task.fn(new AbortController().signal);
    const kept = await knex('entity_scores').first();
    expect(Number(kept.overall)).toBe(2.5);
    const snapshots = await knex('score_snapshots');
    expect(
      snapshots.map(r => [r.entity_ref, r.day, Number(r.overall)]),
    ).toEqual([['component:default/payments-api', today, 2.5]]);
    expect(JSON.parse(snapshots[0].functions)).toEqual({
      G: Number(kept.fn_g),
      D: Number(kept.fn_d),
      I: Number(kept.fn_i),
      V: Number(kept.fn_v),
      O: Number(kept.fn_o),
    });

    // Time passes for the answer (400 days); while the stored score says it
    // holds, the run does not look again.
    await knex('assessment_answers').update({
      updated_at: new Date(Date.now() - 400 * 86_400_000),
    });
    await task.fn(new AbortController().signal);
    expect(Number((await knex('entity_scores').first()).overall)).toBe(2.5);

    // Once the time the score holds until has come, the run recomputes it,
    // and the stale answer no longer counts.
    await knex('entity_scores').update({
      valid_until: new Date(Date.now() - 1000),
    });
    await task.fn(new AbortController().signal);
    const recomputed = await knex('entity_scores').first();
    expect(Number(recomputed.overall)).toBe(0);
    expect(JSON.parse(recomputed.practices)['G-SM']).toBe(0);
    expect(recomputed.valid_until).toBeNull();
  });

  it('rescores daily for scorers that do not declare how long their answers hold', async () => {
    const { tasks, knex } = await startBackend(databases, databaseId, [
      intakeScorer,
    ]);
    const task = tasks.find(t => t.id === 'security-maturity-rescore')!;
    await task.fn(new AbortController().signal);
    const row = await knex('entity_scores').first();
    const midnight = new Date();
    midnight.setUTCHours(24, 0, 0, 0);
    expect(new Date(row.valid_until).toISOString()).toBe(
      midnight.toISOString(),
    );
  });

  it('never replaces a score with one computed earlier, as a run under way while a record change rescored would', async () => {
    const { tasks, knex } = await startBackend(databases, databaseId);
    const task = tasks.find(t => t.id === 'security-maturity-rescore')!;
    await task.fn(new AbortController().signal);
    // As if a record change had rescored the entity after this run began:
    // a newer computation, with other inputs.
    const later = new Date(Date.now() + 60_000);
    await knex('entity_scores').update({
      overall: 2.5,
      fingerprint: 'newer',
      inputs_fingerprint: 'newer',
      computed_at: later,
    });
    await task.fn(new AbortController().signal);
    const row = await knex('entity_scores').first();
    expect(Number(row.overall)).toBe(2.5);
    expect(new Date(row.computed_at)).toEqual(later);
    // The day's snapshot, the history's point for today, says the same.
    const snapshot = async () => {
      const snapshots = await knex('score_snapshots');
      expect(snapshots).toHaveLength(1);
      return Number(snapshots[0].overall);
    };
    expect(await snapshot()).toBe(2.5);

    // An older computation is replaced, in the snapshot too.
    await knex('entity_scores').update({
      computed_at: new Date(Date.now() - 60_000),
    });
    await task.fn(new AbortController().signal);
    expect(Number((await knex('entity_scores').first()).overall)).toBe(0);
    expect(await snapshot()).toBe(0);
  });
});

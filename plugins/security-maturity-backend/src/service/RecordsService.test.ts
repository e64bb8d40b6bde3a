import { TestDatabaseId, mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { entities, inDays, people } from '../__testUtils__/backend';
import { testAccess, testServices } from '../__testUtils__/services';
import { createTestDatabases } from '../__testUtils__/databases';
import { RecordsService } from './RecordsService';

jest.setTimeout(60_000);

const databases = createTestDatabases();

const entity = {
  kind: 'component',
  namespace: 'default',
  name: 'payments-api',
};
const ref = 'component:default/payments-api';

const exceptionRequest = () => ({
  controlId: 'run-as-non-root',
  justification: 'The legacy agent needs root',
  compensatingControls: 'Isolated node pool',
  riskRating: 'medium' as const,
  expiresAt: inDays(10),
});

/**
 * The records service with its real stores, access control, scoring and
 * catalog cast, and no HTTP: what an action or a scheduled task would call.
 */
async function setup(databaseId: TestDatabaseId) {
  const knex = await databases.init(databaseId);
  const deps = await testServices(knex, catalogServiceMock({ entities }));
  const { records, scores, audits } = deps;
  const service = new RecordsService({
    ...deps,
    access: testAccess(deps),
  });
  const as = (who: string) => ({ credentials: mockCredentials.user(who) });
  /** What the entity's stored score was computed from, and its records' version. */
  const state = async () => ({
    scoredFrom: (await scores.getScoreRow(ref))?.inputs_fingerprint,
    version: (await records.readVersions([ref])).get(ref),
  });
  return { service, audits, as, state, records, knex };
}

describe.each(databases.eachSupportedId())(
  'records service on %s',
  databaseId => {
    it('audits, writes and rescores every record family without HTTP', async () => {
      const { service, audits, as, state } = await setup(databaseId);
      const owner = as(people.owner);
      const lead = as(people.lead);

      // Each step: the change, then its audit and a fresh score and version.
      let last = await state();
      const expectApplied = async (actionType: string) => {
        const audit = audits[audits.length - 1];
        expect(audit).toMatchObject({ actionType, status: 'success' });
        expect(audit.meta).toMatchObject({ entityRef: ref });
        expect(audit.meta.onBehalfOf).toBeDefined();
        const now = await state();
        expect(now.version).toBe((last.version ?? 0) + 1);
        // Rescored: the stored score was computed from the new version.
        expect(now.scoredFrom).toBeDefined();
        expect(now.scoredFrom).not.toBe(last.scoredFrom);
        last = now;
      };

      await service.putIntake(owner, entity, {
        version: 0,
        dataClassification: 'confidential',
        newIntegrations: false,
        authFlowChanges: false,
        internetExposure: true,
        regulatoryObligations: ['PCI DSS'],
      });
      await expectApplied('intake-update');

      const stage = await service.putStage(owner, entity, 'intake', {
        version: 0,
        status: 'waived',
        checklist: [],
        reason: 'Classified at intake',
      });
      await expectApplied('stage-update');
      await service.signOffStage(lead, entity, 'intake', {
        version: stage.version,
      });
      await expectApplied('stage-sign-off');
      expect(audits[audits.length - 1].severityLevel).toBe('high');

      const reopened = await service.recordMaterialChange(owner, entity, {
        kind: 'new-integration',
        description: 'Card vault API',
      });
      expect(reopened).toMatchObject({
        stageId: 'threat-modeling',
        status: 'in_progress',
      });
      await expectApplied('material-change');

      await service.putRasiAssignment(owner, entity, 'release-sign-off', {
        version: 0,
        responsible: [people.owner],
        // Not their own team: sign-off separation (strict) refuses that.
        accountable: 'group:default/security-leads',
        supportive: [],
        informed: [],
      });
      await expectApplied('rasi-update');

      await service.putAssessmentAnswer(owner, entity, 'G-SM-1-A', {
        version: 0,
        value: 0.5,
      });
      await expectApplied('assessment-answer');

      const exception = await service.requestException(
        owner,
        entity,
        exceptionRequest(),
      );
      await expectApplied('exception-request');
      await service.transitionException(lead, entity, exception.id, {
        version: exception.version,
        action: 'approve',
      });
      await expectApplied('exception-approve');

      const worksheet = await service.startWorksheet(owner, entity, {
        kind: 'drill',
        title: 'Q4 drill',
      });
      await expectApplied('worksheet-start');
      const updated = await service.updateWorksheet(
        owner,
        entity,
        worksheet.id,
        {
          version: worksheet.version,
          title: worksheet.title,
          status: 'open',
          readiness: worksheet.readiness,
          containmentOwners: worksheet.containmentOwners,
          timeline: worksheet.timeline,
          actions: [],
          findings: ['Runbook outdated'],
        },
      );
      await expectApplied('worksheet-update');
      await service.addLesson(owner, entity, worksheet.id, {
        version: updated.version,
        lesson: 'Rehearse isolation quarterly',
        reopensStageId: 'launch',
      });
      await expectApplied('worksheet-lesson');

      const decision = await service.createDecision(owner, entity, {
        trigger: 'New card vault integration',
        decision: 'Tokenise card numbers',
        rationale: 'Keeps PAN out of scope',
        ownerRef: people.owner,
        status: 'proposed',
      });
      await expectApplied('decision-create');
      await service.updateDecision(owner, entity, decision.id, {
        ...decision,
        status: 'accepted',
      });
      await expectApplied('decision-update');

      const release = await service.createRelease(owner, entity, {
        release: '2.0.0',
      });
      await expectApplied('release-create');
      await service.pushReleaseEvidence(
        { credentials: mockCredentials.service('external:ci-pipeline') },
        entity,
        release.id,
        {
          kind: 'scan',
          title: 'Dependency scan',
          url: 'https://ci.example.com/1',
          result: 'pass',
        },
      );
      await expectApplied('release-evidence');
      await service.decideRelease(lead, entity, release.id, {
        version: release.version + 1,
        decision: 'go',
      });
      await expectApplied('release-decide');
    });

    it('refuses, audits the failure and writes nothing when a rule or access says no', async () => {
      const { service, audits, as, state } = await setup(databaseId);
      const before = await state();
      await expect(
        service.putStage(as(people.otherTeam), entity, 'intake', {
          version: 0,
          status: 'in_progress',
          checklist: [],
        }),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      await expect(
        service.putStage(as(people.owner), entity, 'intake', {
          version: 0,
          status: 'waived',
          checklist: [],
        }),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: 'A waived stage needs a reason',
      });
      const exception = await service.requestException(
        as(people.lead),
        entity,
        exceptionRequest(),
      );
      await expect(
        service.transitionException(as(people.lead), entity, exception.id, {
          version: exception.version,
          action: 'approve',
        }),
      ).rejects.toMatchObject({
        name: 'NotAllowedError',
        message: 'Nobody may approve or reject their own exception request',
      });
      expect(audits.map(a => [a.actionType, a.status])).toEqual([
        ['stage-update', 'fail'],
        ['stage-update', 'fail'],
        ['exception-request', 'success'],
        ['exception-approve', 'fail'],
      ]);
      // Only the request was written.
      expect((await state()).version).toBe((before.version ?? 0) + 1);
    });

    it('expires due exceptions as a lifecycle transition: history, version, audit and rescoring', async () => {
      const { service, audits, as, state, knex } = await setup(databaseId);
      const exception = await service.requestException(
        as(people.owner),
        entity,
        exceptionRequest(),
      );
      const approved = await service.transitionException(
        as(people.lead),
        entity,
        exception.id,
        {
          version: exception.version,
          action: 'approve',
        },
      );
      const before = await state();
      const later = new Date(Date.now() + 11 * 86_400_000);
      expect(await service.expireDueExceptions(later)).toEqual({
        expired: 1,
        entityRefs: [ref],
      });
      const row = await knex('exceptions').where({ id: exception.id }).first();
      expect(row).toMatchObject({
        status: 'expired',
        version: approved.version + 1,
      });
      const history = await knex('history').where({
        record_id: exception.id,
        action: 'expire',
      });
      expect(history).toHaveLength(1);
      expect(audits[audits.length - 1]).toMatchObject({
        actionType: 'exception-expire',
        status: 'success',
        meta: { entityRef: ref, exceptionIds: [exception.id] },
      });
      const after = await state();
      expect(after.version).toBe(before.version! + 1);
      const summary = await knex('entity_scores')
        .where({ entity_ref: ref })
        .first();
      expect(Number(summary.exceptions_expired)).toBe(1);
      // Idempotent: nothing is due the second time.
      expect(await service.expireDueExceptions(later)).toEqual({
        expired: 0,
        entityRefs: [],
      });
    });
  },
);

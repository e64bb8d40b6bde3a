import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  securityMaturityEditPermission,
  securityMaturitySignOffPermission,
} from '@secmat/backstage-plugin-security-maturity-common';
import { base, people, startBackend } from '../../__testUtils__/backend';
import { createTestDatabases } from '../../__testUtils__/databases';

jest.setTimeout(60_000);

// A stored script URL would run when someone clicks the evidence link.
// eslint-disable-next-line no-script-url
const scriptUrl = 'javascript:alert(1)';

const intake = {
  version: 0,
  dataClassification: 'confidential',
  newIntegrations: false,
  authFlowChanges: false,
  internetExposure: false,
  regulatoryObligations: [],
};

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'intake and stage gates on %s',
  databaseId => {
    it('derives the tier from intake, versions every edit and refuses stale ones with 409', async () => {
      const { as, knex, audits } = await startBackend(databases, databaseId);

      const first = await as(people.owner).put('/intake', intake);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        tier: '2',
        tierReason: 'Handles confidential data',
        version: 1,
        updatedBy: people.owner,
      });

      const second = await as(people.owner).put('/intake', {
        ...intake,
        version: 1,
        regulatoryObligations: ['PCI DSS'],
      });
      expect(second.body).toMatchObject({
        tier: '1',
        tierReason: 'Under regulatory obligations',
        version: 2,
      });

      const stale = await as(people.lead).put('/intake', {
        ...intake,
        version: 1,
      });
      expect(stale.status).toBe(409);
      expect(stale.body.error.message).toMatch(
        /changed by user:default\/olivia at .* \(now version 2\); reload and try again/,
      );
      expect((await knex('intakes').first()).tier).toBe('1');

      const picture = await as(people.owner).get('');
      expect(picture.body.intake.tier).toBe('1');
      expect(picture.body.requiredStageIds).toEqual([
        'intake',
        'threat-modeling',
        'design',
        'implementation',
        'validation',
        'launch',
        'governance',
      ]);
      expect(picture.body.version).toBe(2);
      expect(
        audits.filter(a => a.actionType === 'intake-update').map(a => a.status),
      ).toEqual(['success', 'success', 'fail']);
    });

    it('lets exactly one of two concurrent edits of the same version win', async () => {
      const { as, knex } = await startBackend(databases, databaseId);
      const creates = await Promise.all([
        as(people.owner).put('/intake', intake),
        as(people.lead).put('/intake', { ...intake, internetExposure: true }),
      ]);
      expect(creates.map(r => r.status).sort()).toEqual([200, 409]);
      const edits = await Promise.all([
        as(people.owner).put('/intake', {
          ...intake,
          version: 1,
          dataClassification: 'internal',
        }),
        as(people.lead).put('/intake', {
          ...intake,
          version: 1,
          dataClassification: 'restricted',
        }),
      ]);
      expect(edits.map(r => r.status).sort()).toEqual([200, 409]);
      expect(Number((await knex('intakes').first()).version)).toBe(2);
      expect(
        await knex('history').where({ record_type: 'intake' }),
      ).toHaveLength(2);
    });

    it('lets only owners and security leads edit, and writes nothing on a denial', async () => {
      const { as, knex, audits } = await startBackend(databases, databaseId);
      const denied = await as(people.otherTeam).put('/intake', intake);
      expect(denied.status).toBe(403);
      expect(await knex('intakes')).toHaveLength(0);
      expect(await knex('history')).toHaveLength(0);
      expect(audits).toMatchObject([
        {
          actionType: 'intake-update',
          severityLevel: 'medium',
          status: 'fail',
        },
      ]);

      const service = await as('service').put('/intake', intake);
      expect([401, 403]).toContain(service.status);
      expect(await knex('intakes')).toHaveLength(0);

      expect((await as(people.lead).put('/intake', intake)).status).toBe(200);
      expect((await as('none').put('/intake', intake)).status).toBe(401);
    });

    it('answers 400 with a clear message and writes nothing for bad input', async () => {
      const { as, knex } = await startBackend(databases, databaseId);
      const cases: Array<[string, object, RegExp]> = [
        [
          '/intake',
          { ...intake, dataClassification: 'top-secret' },
          /Unknown data classification 'top-secret'/,
        ],
        [
          '/intake',
          { ...intake, owner: 'group:default/identity-team' },
          /must NOT have additional properties/,
        ],
        [
          '/intake',
          { ...intake, notes: 'x'.repeat(5000) },
          /must NOT have more than 4000 characters/,
        ],
        [
          '/stages/deploy',
          { version: 0, status: 'in_progress', checklist: [] },
          /Unknown stage 'deploy'/,
        ],
        [
          '/stages/design',
          { version: 0, status: 'done', checklist: [] },
          /must be equal to one of the allowed values/,
        ],
        [
          '/stages/design',
          {
            version: 0,
            status: 'in_progress',
            checklist: [{ criterionId: 'nope', done: true, evidence: [] }],
          },
          /no exit criterion 'nope'/,
        ],
        [
          '/stages/design',
          {
            version: 0,
            status: 'in_progress',
            checklist: [
              {
                criterionId: 'adr',
                done: true,
                evidence: [{ title: 'ADR', url: scriptUrl }],
              },
            ],
          },
          /must match pattern/,
        ],
        [
          '/stages/design',
          {
            version: 0,
            status: 'passed',
            checklist: [{ criterionId: 'adr', done: true, evidence: [] }],
          },
          /cannot pass with 1 exit criteria not done/,
        ],
        [
          '/stages/design',
          { version: 0, status: 'waived', checklist: [] },
          /A waived stage needs a reason/,
        ],
      ];
      for (const [path, body, message] of cases) {
        const res = await as(people.owner).put(path, body);
        expect({ path, status: res.status }).toEqual({ path, status: 400 });
        expect(res.body.error.message).toMatch(message);
      }
      expect(await knex('intakes')).toHaveLength(0);
      expect(await knex('stages')).toHaveLength(0);
      expect(await knex('history')).toHaveLength(0);
    });

    it('records a gate with evidence; sign-off only by its Accountable or a lead, and by a second person; a material change re-opens threat modeling', async () => {
      const { as, audits } = await startBackend(databases, databaseId);
      const checklist = [
        'risks-documented',
        'decisions-tracked',
        'definition-of-ready',
      ].map(criterionId => ({
        criterionId,
        done: true,
        evidence: [
          {
            title: 'Threat model',
            url: 'https://wiki.example.com/tm/payments',
          },
        ],
      }));
      const passed = await as(people.owner).put('/stages/threat-modeling', {
        version: 0,
        status: 'passed',
        checklist,
      });
      expect(passed.status).toBe(200);
      expect(passed.body.checklist[0].evidence[0].url).toBe(
        'https://wiki.example.com/tm/payments',
      );
      // Who ticked each criterion comes from the credentials.
      expect(passed.body.checklist.map((c: any) => c.doneBy)).toEqual([
        people.owner,
        people.owner,
        people.owner,
      ]);

      // Nobody is Accountable yet: an owner may not sign off, a lead may.
      const notYet = await as(people.owner).post(
        '/stages/threat-modeling/sign-off',
        { version: 1 },
      );
      expect(notYet.status).toBe(403);
      expect(notYet.body.error.message).toMatch(
        /Nobody is Accountable for threat-modeling/,
      );

      // Sign-off separation: the owner may not appoint themself, nor their
      // own team, Accountable for a sign-off activity.
      const selfAppointed = {
        version: 0,
        responsible: ['group:default/payments-team'],
        accountable: people.owner,
        supportive: [people.lead],
        informed: [],
      };
      for (const accountable of [people.owner, 'group:default/payments-team']) {
        const refused = await as(people.owner).put('/rasi/threat-modeling', {
          ...selfAppointed,
          accountable,
        });
        expect(refused.status).toBe(403);
        expect(refused.body.error.message).toMatch(
          /^Sign-off separation \(securityMaturity\.signOff\.separation: strict\): user:default\/olivia may not appoint .*Accountable for 'Threat modeling'/,
        );
      }
      // A security lead (the second person) may appoint the owner.
      const rasi = await as(people.lead).put(
        '/rasi/threat-modeling',
        selfAppointed,
      );
      expect(rasi.status).toBe(200);
      // Keeping the Accountable a lead appointed is no self-appointment.
      const kept = await as(people.owner).put('/rasi/threat-modeling', {
        ...selfAppointed,
        version: 1,
        informed: ['group:default/identity-team'],
      });
      expect(kept.status).toBe(200);
      const byOtherTeam = await as(people.otherTeam).post(
        '/stages/threat-modeling/sign-off',
        { version: 1 },
      );
      expect(byOtherTeam.status).toBe(403);
      // Accountable, but they ticked the criteria themself: refused.
      const ownTicks = await as(people.owner).post(
        '/stages/threat-modeling/sign-off',
        { version: 1 },
      );
      expect(ownTicks.status).toBe(403);
      expect(ownTicks.body.error.message).toBe(
        "Sign-off separation (securityMaturity.signOff.separation: strict): user:default/olivia ticked the exit criteria 'risks-documented', 'decisions-tracked', 'definition-of-ready' of 'Threat modeling & requirements', so a second person must sign it off: another Accountable or a security lead",
      );
      // The lead makes someone of another team Accountable, who signs off.
      expect(
        (
          await as(people.lead).put('/rasi/threat-modeling', {
            ...selfAppointed,
            version: 2,
            accountable: people.otherTeam,
          })
        ).status,
      ).toBe(200);
      const signed = await as(people.otherTeam).post(
        '/stages/threat-modeling/sign-off',
        { version: 1 },
      );
      expect(signed.status).toBe(200);
      expect(signed.body).toMatchObject({
        signedOffBy: people.otherTeam,
        version: 2,
      });
      expect(
        audits.find(
          a => a.actionType === 'stage-sign-off' && a.status === 'success',
        )?.severityLevel,
      ).toBe('high');

      const change = await as(people.owner).post('/material-changes', {
        kind: 'new-integration',
        description: 'Adds a card network webhook',
      });
      expect(change.status).toBe(201);
      expect(change.body).toMatchObject({
        status: 'in_progress',
        reopenedReason:
          'Material change (new-integration): Adds a card network webhook',
      });
      expect(change.body.signedOffBy).toBeUndefined();

      const history = await as(people.owner).get('/history?limit=50');
      expect(
        history.body.items.map(
          (h: { action: string; recordType: string }) =>
            `${h.recordType}:${h.action}`,
        ),
      ).toEqual([
        'stage:reopen',
        'material-change:create',
        'stage:sign-off',
        'rasi:update',
        'rasi:update',
        'rasi:create',
        'stage:create',
      ]);
      expect(history.body.items[0]).toMatchObject({
        actor: people.owner,
        changes: { status: { from: 'passed', to: 'in_progress' } },
      });
    });

    it('re-opens threat modeling when intake records a material change', async () => {
      const { as } = await startBackend(databases, databaseId);
      await as(people.owner).put('/intake', intake);
      await as(people.owner).put('/intake', {
        ...intake,
        version: 1,
        authFlowChanges: true,
      });
      const picture = await as(people.owner).get('');
      expect(picture.body.stages).toEqual([
        expect.objectContaining({
          stageId: 'threat-modeling',
          status: 'in_progress',
          reopenedReason: 'Material change at intake: an auth-flow change',
        }),
      ]);
    });

    it(`serves ${base} to readers with what they may do`, async () => {
      const { as } = await startBackend(databases, databaseId);
      expect((await as(people.owner).get('')).body.permissions).toEqual({
        canEdit: true,
        isSecurityLead: false,
        accountableFor: [],
        canReadConfidential: true,
      });
      // Not an owner, not in RASI: the contents are not theirs to read.
      expect((await as(people.otherTeam).get('')).body.permissions).toEqual({
        canEdit: false,
        isSecurityLead: false,
        accountableFor: [],
        canReadConfidential: false,
      });
      expect((await as(people.lead).get('')).body.permissions).toEqual({
        canEdit: true,
        isSecurityLead: true,
        accountableFor: [],
        canReadConfidential: true,
      });
      expect((await as('service').get('')).body.permissions).toEqual({
        canEdit: false,
        isSecurityLead: false,
        accountableFor: [],
        canReadConfidential: false,
      });
      // Accountable for a sign-off, the other team may give it: the tab says so.
      await as(people.owner).put('/rasi/release-sign-off', {
        version: 0,
        responsible: [],
        accountable: 'group:default/identity-team',
        supportive: [],
        informed: [],
      });
      // Named in RASI, they read the confidential contents too.
      expect((await as(people.otherTeam).get('')).body.permissions).toEqual({
        canEdit: false,
        isSecurityLead: false,
        accountableFor: ['release-sign-off'],
        canReadConfidential: true,
      });
    });

    it('lets a non-owner Accountable sign off under the example policy, and a policy narrow sign-off with its own permission', async () => {
      // As packages/backend's example policy decides: edit only for owners
      // (its isEntityOwner condition), sign-off left to the plugin's rule.
      let signOff: AuthorizeResult.ALLOW | AuthorizeResult.DENY =
        AuthorizeResult.ALLOW;
      const examplePolicy = mockServices.permissions.mock({
        authorize: async (requests, options) => {
          const user = (
            options?.credentials.principal as { userEntityRef?: string }
          ).userEntityRef;
          return requests.map(({ permission }) => {
            if (permission.name === securityMaturityEditPermission.name) {
              return {
                result:
                  user === people.owner || user === people.lead
                    ? AuthorizeResult.ALLOW
                    : AuthorizeResult.DENY,
              };
            }
            if (permission.name === securityMaturitySignOffPermission.name) {
              return { result: signOff };
            }
            return { result: AuthorizeResult.ALLOW };
          });
        },
      }).factory;
      const { as } = await startBackend(databases, databaseId, [examplePolicy]);
      await as(people.owner).put('/stages/intake', {
        version: 0,
        status: 'waived',
        checklist: [],
        reason: 'Classified at intake',
      });
      await as(people.owner).put('/rasi/intake-classification', {
        version: 0,
        responsible: [people.owner],
        accountable: people.otherTeam,
        supportive: [],
        informed: [],
      });
      signOff = AuthorizeResult.DENY;
      const narrowed = await as(people.otherTeam).post(
        '/stages/intake/sign-off',
        { version: 1 },
      );
      expect(narrowed.status).toBe(403);
      expect(narrowed.body.error.message).toBe(
        'Not allowed by policy: security-maturity.stage.signoff',
      );
      signOff = AuthorizeResult.ALLOW;
      const signed = await as(people.otherTeam).post(
        '/stages/intake/sign-off',
        { version: 1 },
      );
      expect(signed.status).toBe(200);
      expect(signed.body.signedOffBy).toBe(people.otherTeam);
    });

    it("keeps neither separation rule with securityMaturity.signOff.separation: 'off'", async () => {
      const { as } = await startBackend(databases, databaseId, [
        mockServices.rootConfig.factory({
          data: { securityMaturity: { signOff: { separation: 'off' } } },
        }),
      ]);
      const passed = await as(people.owner).put('/stages/threat-modeling', {
        version: 0,
        status: 'passed',
        checklist: [
          'risks-documented',
          'decisions-tracked',
          'definition-of-ready',
        ].map(criterionId => ({ criterionId, done: true, evidence: [] })),
      });
      expect(passed.status).toBe(200);
      const rasi = await as(people.owner).put('/rasi/threat-modeling', {
        version: 0,
        responsible: [],
        accountable: people.owner,
        supportive: [],
        informed: [],
      });
      expect(rasi.status).toBe(200);
      const signed = await as(people.owner).post(
        '/stages/threat-modeling/sign-off',
        { version: 1 },
      );
      expect(signed.status).toBe(200);
    });
  },
);

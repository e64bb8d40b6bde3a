import { mockCredentials } from '@backstage/backend-test-utils';
import { readFileSync } from 'fs';
import { resolve } from 'path';
import request from 'supertest';
import { base, people, startBackend } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(120_000);

const databases = createTestDatabases();

/** A tool's file from the evidence fixtures, its dates moved to yesterday. */
function fixture(name: string): any {
  const recent = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  return JSON.parse(
    readFileSync(
      resolve(__dirname, '../evidence/__fixtures__', name),
      'utf8',
    ).replace(/2026-1[01]-[0-3][0-9]T/g, `${recent}T`),
  );
}

const ci = mockCredentials.service.header({
  onBehalfOf: mockCredentials.service('external:ci-pipeline'),
  targetPluginId: 'security-maturity',
});

describe.each(databases.eachSupportedId())(
  'the release verdict on %s',
  databaseId => {
    it('tells CI what stands against a release until nothing does, and leaves the decision to a person', async () => {
      const { server, as } = await startBackend(databases, databaseId);
      const asCi = {
        get: (path: string) =>
          request(server).get(`${base}${path}`).set('Authorization', ci),
        post: (path: string, body: object | string, type?: string) =>
          request(server)
            .post(`${base}${path}`)
            .set('Authorization', ci)
            .set('Content-Type', type ?? 'application/json')
            .send(body),
      };

      // CI creates the release record: service credentials may.
      const created = await asCi.post('/releases', { release: '2.4.0' });
      expect(created.status).toBe(201);
      const id = created.body.id;
      const verdict = async () => {
        const res = await asCi.get(`/releases/${id}/verdict`);
        expect(res.status).toBe(200);
        return res.body;
      };

      // Not classified: no tier, so nothing can be judged.
      expect(await verdict()).toMatchObject({
        verdict: 'no-go-recommended',
        decision: 'pending',
        tier: null,
        reasons: [expect.objectContaining({ code: 'not-classified' })],
      });

      // Tier 1: the gates before launch and three kinds of evidence.
      expect(
        (
          await as(people.owner).put('/intake', {
            version: 0,
            dataClassification: 'confidential',
            newIntegrations: false,
            authFlowChanges: false,
            internetExposure: true,
            regulatoryObligations: [],
          })
        ).status,
      ).toBe(200);
      const tier1 = await verdict();
      expect(tier1.tier).toBe('1');
      expect(tier1.policy).toMatchObject({
        evidence: ['sast', 'sbom', 'provenance'],
        minSlsaBuildLevel: 2,
      });
      expect(tier1.policy.gates).not.toContain('launch');
      expect(
        tier1.reasons.map((r: any) => [r.code, r.stageId ?? r.evidence]),
      ).toEqual([
        ...tier1.policy.gates.map((g: string) => ['gate-not-cleared', g]),
        ['evidence-missing', 'sast'],
        ['evidence-missing', 'sbom'],
        ['evidence-missing', 'provenance'],
      ]);

      // The tools' files: CodeQL with two open errors fails static analysis.
      const codeql = fixture('codeql.sarif.json');
      const link = 'https://github.com/northwind/payments-api/actions/runs/7';
      expect(
        (
          await asCi.post(
            `/evidence/sarif?link=${encodeURIComponent(link)}`,
            JSON.stringify(codeql),
          )
        ).status,
      ).toBe(201);
      for (const [format, file] of [
        ['cyclonedx', 'cyclonedx-1.5.json'],
        ['slsa-provenance', 'slsa-generator.intoto.json'],
      ]) {
        expect(
          (
            await asCi.post(
              `/evidence/${format}`,
              JSON.stringify(fixture(file)),
            )
          ).status,
        ).toBe(201);
      }
      const scanned = await verdict();
      expect(scanned.reasons.filter((r: any) => r.evidence)).toEqual([
        {
          code: 'evidence-failing',
          evidence: 'sast',
          message: expect.stringMatching(/^CodeQL: 2 open error-level results/),
          link,
        },
      ]);

      // A lead waives the gates; the next CodeQL run finds nothing.
      for (const stageId of tier1.policy.gates) {
        const stage = (await as(people.lead).get('')).body.stages.find(
          (s: any) => s.stageId === stageId,
        );
        const put = await as(people.lead).put(`/stages/${stageId}`, {
          version: stage?.version ?? 0,
          status: 'waived',
          reason: 'Covered by the platform review of 2026-Q4',
          checklist: [],
        });
        expect(put.status).toBe(200);
      }
      const clean = {
        ...codeql,
        runs: codeql.runs.map((r: any) => ({ ...r, results: [] })),
      };
      expect(
        (await asCi.post('/evidence/sarif', JSON.stringify(clean))).status,
      ).toBe(201);
      expect(await verdict()).toMatchObject({
        verdict: 'go',
        reasons: [],
        decision: 'pending',
      });

      // CI may not decide; the owner does, and the verdict reports it.
      const byCi = await asCi.post(`/releases/${id}/decision`, {
        version: 1,
        decision: 'go',
      });
      expect(byCi.status).toBe(403);
      const release = (await as(people.owner).get('/releases')).body.items[0];
      expect(
        (
          await as(people.owner).post(`/releases/${id}/decision`, {
            version: release.version,
            decision: 'go',
          })
        ).status,
      ).toBe(200);
      expect(await verdict()).toMatchObject({ verdict: 'go', decision: 'go' });
    });

    it('answers an unknown release with 404 and a caller without credentials with 401', async () => {
      const { server } = await startBackend(databases, databaseId);
      const unknown = await request(server)
        .get(`${base}/releases/00000000-0000-4000-8000-000000000000/verdict`)
        .set('Authorization', ci);
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toMatch(/release .* not found/);
      const anonymous = await request(server)
        .get(`${base}/releases/00000000-0000-4000-8000-000000000000/verdict`)
        .set('Authorization', mockCredentials.none.header());
      expect(anonymous.status).toBe(401);
    });
  },
);

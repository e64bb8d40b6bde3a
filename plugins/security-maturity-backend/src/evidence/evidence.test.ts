import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import securityMaturityModuleSamm from '@secmat/backstage-plugin-security-maturity-backend-module-samm';
import { readFileSync } from 'fs';
import { Knex } from 'knex';
import { resolve } from 'path';
import request from 'supertest';
import { base, people, startBackend } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';

jest.setTimeout(120_000);

const databases = createTestDatabases();

/**
 * A fixture as a tool wrote it, its dates moved to two days ago so that the
 * signals are current whenever the test runs.
 */
function fixture(name: string): string {
  const recent = new Date(Date.now() - 2 * 86_400_000)
    .toISOString()
    .slice(0, 10);
  return readFileSync(resolve(__dirname, '__fixtures__', name), 'utf8')
    .replace(/2026-11-2[0-9]T/g, `${recent}T`)
    .replace(/2026-11-30T/g, `${recent}T`);
}

const ciHeader = () =>
  mockCredentials.service.header({
    onBehalfOf: mockCredentials.service('external:ci-pipeline'),
    targetPluginId: 'security-maturity',
  });

/** How many rows each table the push writes to holds. */
async function counts(knex: Knex) {
  const count = async (table: string) =>
    Number((await knex(table).count({ n: '*' }))[0].n);
  return {
    signals: await count('evidence_signals'),
    uploads: await count('evidence_uploads'),
    history: await count('history'),
  };
}

describe.each(databases.eachSupportedId())(
  'evidence from tools on %s',
  databaseId => {
    async function setUp(extra: any[] = []) {
      const backend = await startBackend(databases, databaseId, [
        securityMaturityModuleSamm,
        mockServices.rootLogger.factory({ level: 'error' }),
        ...extra,
      ]);
      const push = (
        format: string,
        body: string,
        options: {
          header?: string;
          type?: string;
          link?: string;
        } = {},
      ) =>
        request(backend.server)
          .post(
            `${base}/evidence/${format}${
              options.link ? `?link=${encodeURIComponent(options.link)}` : ''
            }`,
          )
          .set('Authorization', options.header ?? ciHeader())
          .set('Content-Type', options.type ?? 'application/json')
          .send(body);
      return { ...backend, push };
    }

    it('summarises each format into signals, and the same file again changes nothing', async () => {
      const { push, knex, audits, as } = await setUp();

      const codeql = await push('sarif', fixture('codeql.sarif.json'), {
        link: 'https://github.com/northwind/payments-api/security/code-scanning',
      });
      expect(codeql.status).toBe(201);
      expect(codeql.body).toMatchObject({
        format: 'sarif',
        unchanged: false,
        receivedBy: 'external:ci-pipeline',
        rawKept: true,
      });
      expect(codeql.body.signals).toEqual([
        expect.objectContaining({
          source: 'sarif',
          key: 'codeql:/language:javascript-typescript/',
          link: 'https://github.com/northwind/payments-api/security/code-scanning',
          value: expect.objectContaining({
            tool: 'CodeQL',
            toolVersion: '2.19.3',
            rules: 4,
            results: 5,
            byLevel: { error: 2, warning: 3, note: 0, none: 0 },
            new: null,
            fixed: null,
            errorsOpen: 2,
            secretScanning: false,
          }),
        }),
      ]);
      expect(codeql.body.signals[0].value.byRule[0]).toEqual({
        rule: 'js/missing-rate-limiting',
        level: 'warning',
        count: 2,
      });
      expect(codeql.body.signals[0]).not.toHaveProperty('state');

      // The same file again: 200, nothing written.
      const before = await counts(knex);
      const again = await push('sarif', fixture('codeql.sarif.json'));
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({
        unchanged: true,
        sha256: codeql.body.sha256,
      });
      expect(await counts(knex)).toEqual(before);

      // The next upload of the same tool: compared with the previous one.
      const next = await push('sarif', fixture('codeql-next.sarif.json'));
      expect(next.status).toBe(201);
      expect(next.body.signals[0].value).toMatchObject({
        results: 5,
        new: 1,
        fixed: 1,
        byLevel: { error: 1, warning: 4, note: 0, none: 0 },
        errorsOpen: 1,
      });
      expect(next.body.signals[0].value.previousObservedAt).toBe(
        codeql.body.signals[0].observedAt,
      );

      // SARIF's own media type is JSON too.
      const semgrep = await push('sarif', fixture('semgrep.sarif.json'), {
        type: 'application/sarif+json',
      });
      expect(semgrep.status).toBe(201);
      expect(semgrep.body.signals[0]).toMatchObject({
        key: 'semgrep oss',
        value: expect.objectContaining({
          tool: 'Semgrep OSS',
          toolVersion: '1.85.0',
          rules: 4,
          results: 3,
          // Levels from the rules' defaults: Semgrep leaves them off results.
          byLevel: { error: 2, warning: 1, note: 0, none: 0 },
        }),
      });

      const gitleaks = await push('sarif', fixture('gitleaks.sarif.json'));
      expect(gitleaks.body.signals[0].value).toMatchObject({
        tool: 'gitleaks',
        results: 0,
        secretScanning: true,
      });
      // A secret scanner's file may hold secrets: only its summary is kept.
      expect(gitleaks.body.rawKept).toBe(false);
      expect(
        (
          await knex('evidence_uploads').where({ sha256: gitleaks.body.sha256 })
        )[0].raw,
      ).toBeNull();

      const scorecard = await push(
        'openssf-scorecard',
        fixture('scorecard.json'),
      );
      expect(scorecard.status).toBe(201);
      expect(scorecard.body.signals[0]).toMatchObject({
        source: 'openssf-scorecard',
        key: 'github.com/northwind/payments-api',
        value: expect.objectContaining({
          score: 7.4,
          scorecardVersion: 'v5.0.0',
          checks: expect.objectContaining({
            'Branch-Protection': 8,
            'Code-Review': 9,
            Vulnerabilities: 7,
            Packaging: -1,
          }),
        }),
      });
      expect(scorecard.body.signals[0].value.lowest[0]).toMatchObject({
        check: 'Fuzzing',
        score: 0,
      });

      const sbom = await push('cyclonedx', fixture('cyclonedx-1.5.json'));
      expect(sbom.status).toBe(201);
      expect(sbom.body.signals[0].value).toEqual({
        specVersion: '1.5',
        subject: 'payments-api@2.4.0',
        components: 8,
        withPurl: 8,
        hasDependencies: true,
        tools: ['syft'],
      });
      const sbom16 = await push(
        'cyclonedx',
        fixture('cyclonedx-1.6-no-graph.json'),
      );
      expect(sbom16.body.signals[0].value).toMatchObject({
        specVersion: '1.6',
        components: 3,
        hasDependencies: false,
      });

      const slsa = await push(
        'slsa-provenance',
        fixture('slsa-generator.intoto.json'),
      );
      expect(slsa.status).toBe(201);
      expect(slsa.body.signals[0].value).toMatchObject({
        slsaVersion: 'v0.2',
        builderId:
          'https://github.com/slsa-framework/slsa-github-generator/.github/workflows/generator_generic_slsa3.yml@refs/tags/v2.0.0',
        subject: 'payments-api-2.4.0.tgz',
        signed: true,
        buildLevel: 3,
      });
      const attestation = await push(
        'slsa-provenance',
        fixture('github-attestation.v1.json'),
      );
      expect(attestation.body.signals[0].value).toMatchObject({
        slsaVersion: 'v1',
        builderId: 'https://github.com/actions/runner/github-hosted',
        signed: false,
        buildLevel: 1,
      });

      // Every push is audited and leaves a history row.
      expect(
        audits.filter(
          a => a.actionType === 'evidence-push' && a.status === 'success',
        ),
      ).toHaveLength(10);
      expect(
        await knex('history').where({ record_type: 'evidence' }),
      ).toHaveLength(9);

      // The current signals: the newest per source and key.
      const listed = await as(people.otherTeam).get('/evidence');
      expect(listed.status).toBe(200);
      expect(
        listed.body.items.map((s: any) => `${s.source}/${s.key}`).sort(),
      ).toEqual([
        'cyclonedx/sbom',
        'openssf-scorecard/github.com/northwind/payments-api',
        'sarif/codeql:/language:javascript-typescript/',
        'sarif/gitleaks',
        'sarif/semgrep oss',
        'slsa-provenance/provenance',
      ]);
      expect(
        listed.body.items.find((s: any) => s.source === 'cyclonedx').value
          .specVersion,
      ).toBe('1.6');

      // The score was recomputed with the signals: answers from tools show
      // their rule and date.
      const score = await as(people.owner).get('/score');
      const byId = new Map(
        score.body.activities.map((a: any) => [a.id, a] as const),
      );
      expect(byId.get('V-ST-2-A')).toMatchObject({
        source: 'evidence',
        value: 1,
        ruleId: 'samm-signals:V-ST-2-A',
      });
      expect(byId.get('I-SD-1-B')).toMatchObject({
        value: 1,
        ruleId: 'samm-signals:I-SD-1-B',
        rationale: expect.stringMatching(/^gitleaks found no secrets/),
      });
      expect(byId.get('I-SD-2-A')).toMatchObject({
        value: 1,
        rationale: expect.stringContaining('Branch-Protection 8/10'),
      });
    });

    it('refuses bad input with a 4xx naming the problem, and writes nothing', async () => {
      const { push, knex, as } = await setUp();
      const before = await counts(knex);

      const malformed = await push('sarif', '{"version": "2.1.0", "runs": [');
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.message).toMatch(/not valid JSON/);

      const wrongVersion = await push(
        'sarif',
        JSON.stringify({ version: '2.0.0', runs: [] }),
      );
      expect(wrongVersion.status).toBe(400);
      expect(wrongVersion.body.error.message).toMatch(
        /Not a valid SARIF 2\.1\.0 document: \/version must be equal to constant/,
      );

      const noTool = await push(
        'sarif',
        JSON.stringify({ version: '2.1.0', runs: [{ results: [] }] }),
      );
      expect(noTool.status).toBe(400);
      expect(noTool.body.error.message).toMatch(/\/runs\/0 .*tool/);

      const oldSbom = await push(
        'cyclonedx',
        JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.2' }),
      );
      expect(oldSbom.status).toBe(400);
      expect(oldSbom.body.error.message).toMatch(/specVersion.*"1\.5", "1\.6"/);

      const badEnvelope = await push(
        'slsa-provenance',
        JSON.stringify({
          payloadType: 'application/vnd.in-toto+json',
          payload: Buffer.from('{"_type": "x"}').toString('base64'),
          signatures: [],
        }),
      );
      expect(badEnvelope.status).toBe(400);
      expect(badEnvelope.body.error.message).toMatch(/in-toto statement/);

      const unknown = await push('spdx', fixture('cyclonedx-1.5.json'));
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toMatch(/format/);

      const xml = await push('sarif', '<sarif/>', { type: 'application/xml' });
      expect(xml.status).toBe(415);
      expect(xml.body.error.message).toMatch(/application\/json/);

      const empty = await push('sarif', '');
      expect(empty.status).toBe(400);

      const badLink = await push('sarif', fixture('semgrep.sarif.json'), {
        // A script URL is refused like any non-http(s) link.
        link: ['javascript', 'alert(1)'].join(':'),
      });
      expect(badLink.status).toBe(400);

      // Over the limit (25 MB by default): 413 before anything is parsed.
      const huge = JSON.stringify({
        version: '2.1.0',
        runs: [{ tool: { driver: { name: 'x' } } }],
        padding: 'x'.repeat(26 * 1024 * 1024),
      });
      const tooLarge = await push('sarif', huge);
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.body.error.message).toMatch(/25 MB/);

      // Someone else's team may not push for this component.
      const otherTeam = await push('sarif', fixture('semgrep.sarif.json'), {
        header: mockCredentials.user.header(people.otherTeam),
      });
      expect(otherTeam.status).toBe(403);

      expect(await counts(knex)).toEqual(before);
      expect((await as(people.owner).get('/evidence')).body.items).toEqual([]);
    });

    it('keeps raw files only up to the configured size, and takes the configured upload limit', async () => {
      const { push, knex } = await setUp([
        mockServices.rootConfig.factory({
          data: {
            securityMaturity: {
              evidence: { keepRawKilobytes: 4, maxUploadMegabytes: 1 },
            },
          },
        }),
      ]);
      const big = await push('sarif', fixture('codeql.sarif.json'));
      const small = await push(
        'cyclonedx',
        fixture('cyclonedx-1.6-no-graph.json'),
      );
      expect([big.body.rawKept, small.body.rawKept]).toEqual([false, true]);
      const raw = async (sha256: string) =>
        (await knex('evidence_uploads').where({ sha256 }))[0].raw;
      expect(await raw(big.body.sha256)).toBeNull();
      expect(JSON.parse(await raw(small.body.sha256))).toMatchObject({
        specVersion: '1.6',
      });
      const tooLarge = await push(
        'sarif',
        JSON.stringify({
          version: '2.1.0',
          runs: [],
          pad: 'x'.repeat(1100 * 1024),
        }),
      );
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.body.error.message).toMatch(/1 MB/);
    });

    it('refuses a CI token without the evidence push permission (403), writing nothing', async () => {
      const { push, knex } = await setUp([
        mockServices.permissions.mock({
          authorize: async requests =>
            requests.map(r => ({
              result:
                r.permission.name === 'security-maturity.evidence.push'
                  ? AuthorizeResult.DENY
                  : AuthorizeResult.ALLOW,
            })),
        }).factory,
      ]);
      const before = await counts(knex);
      const denied = await push('sarif', fixture('codeql.sarif.json'));
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toBe(
        'Not allowed by policy: security-maturity.evidence.push',
      );
      expect(await counts(knex)).toEqual(before);
    });
  },
);

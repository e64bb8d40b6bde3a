import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import securityMaturityPlugin from '@secmat/backstage-plugin-security-maturity-backend';
import { securityMaturityScorersExtensionPoint } from '@secmat/backstage-plugin-security-maturity-node';
import request from 'supertest';
import { securityMaturityModuleSamm } from './module';

describe('securityMaturityModuleSamm', () => {
  it("adds the SAMM scorers (records, and tools' signals) through the extension point", async () => {
    const addScorer = jest.fn();
    await startTestBackend({
      extensionPoints: [[securityMaturityScorersExtensionPoint, { addScorer }]],
      features: [securityMaturityModuleSamm],
    });
    expect(addScorer).toHaveBeenCalledTimes(1);
    expect(addScorer.mock.calls[0][0]).toMatchObject({
      id: 'samm',
      title: 'OWASP SAMM v2',
    });
    expect(addScorer.mock.calls[0][1]).toMatchObject({
      id: 'samm-signals',
      declaresValidity: true,
    });
  });

  it('reaches the real plugin, which reports it as installed', async () => {
    const { server } = await startTestBackend({
      features: [
        securityMaturityPlugin,
        securityMaturityModuleSamm,
        mockServices.database.factory(),
        catalogServiceMock.factory({ entities: [] }),
      ],
    });
    const res = await request(server).get('/api/security-maturity/scorers');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({ id: 'samm', title: 'OWASP SAMM v2' }),
      expect.objectContaining({ id: 'samm-signals' }),
    ]);
  });
});

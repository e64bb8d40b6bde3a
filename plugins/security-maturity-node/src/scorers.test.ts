import { securityMaturityScorersExtensionPoint } from './scorers';

describe('securityMaturityScorersExtensionPoint', () => {
  it('is namespaced by the plugin ID', () => {
    expect(securityMaturityScorersExtensionPoint.id).toBe(
      'security-maturity.scorers',
    );
  });
});

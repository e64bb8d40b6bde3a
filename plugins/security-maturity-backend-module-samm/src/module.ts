import { createBackendModule } from '@backstage/backend-plugin-api';
import { securityMaturityScorersExtensionPoint } from '@secmat/backstage-plugin-security-maturity-node';
import { sammRules } from './rules';
import { createSammScorer } from './sammScorer';

/**
 * Adds the OWASP SAMM scorer to the security-maturity backend plugin.
 *
 * @public
 */
export const securityMaturityModuleSamm = createBackendModule({
  pluginId: 'security-maturity',
  moduleId: 'samm',
  register(reg) {
    reg.registerInit({
      deps: { scorers: securityMaturityScorersExtensionPoint },
      async init({ scorers }) {
        scorers.addScorer(createSammScorer({ rules: sammRules }));
      },
    });
  },
});

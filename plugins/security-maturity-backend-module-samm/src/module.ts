import { createBackendModule } from '@backstage/backend-plugin-api';
import { securityMaturityScorersExtensionPoint } from '@secmat/backstage-plugin-security-maturity-node';
import { sammRules, signalRules } from './rules';
import { createSammScorer } from './sammScorer';

/** The ID of the scorer of SAMM rules over tools' signals. @public */
export const SIGNALS_SCORER_ID = 'samm-signals';

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
        scorers.addScorer(
          createSammScorer({ rules: sammRules }),
          // Tools' results: for each activity the higher of the two answers
          // counts (see rules/signals.ts).
          createSammScorer({
            rules: signalRules,
            id: SIGNALS_SCORER_ID,
            title: 'OWASP SAMM v2 from tools',
            description:
              'Answers OWASP SAMM activities from what the tools already run say: SARIF scan results, OpenSSF Scorecard checks, CycloneDX SBOMs and SLSA provenance pushed by CI.',
          }),
        );
      },
    });
  },
});

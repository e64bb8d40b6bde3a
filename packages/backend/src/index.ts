// The portal's backend: the create-app defaults, trimmed to what the demo uses,
// plus the security-maturity plugin and its SAMM module.
import { createBackend } from '@backstage/backend-defaults';
import { securityMaturityPolicyModule } from './modules/securityMaturityPolicy';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// auth plugin, with the guest provider for local sign-in
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// catalog plugin
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// permission plugin, with an example policy for security maturity (owners
// edit, security leads approve; everything else allowed as with allow-all);
// see https://backstage.io/docs/permissions/getting-started
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(securityMaturityPolicyModule);

// search plugin, with the PostgreSQL engine when running on PostgreSQL
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

// user settings, notifications and signals plugins
backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// security maturity: records and scores, and the OWASP SAMM scorer module
backend.add(import('@secmat/backstage-plugin-security-maturity-backend'));
backend.add(
  import('@secmat/backstage-plugin-security-maturity-backend-module-samm'),
);

// MCP: serves the actions of the plugins listed in backend.actions.pluginSources
// (app-config.yaml) as MCP tools at /api/mcp-actions/v1
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();

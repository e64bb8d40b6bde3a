#!/usr/bin/env bash
# Verifies the install guide on a fresh Backstage app, as a portal admin would
# follow it: packs the five packages, generates a legacy-frontend app with
# @backstage/create-app in a temporary directory, installs the tarballs, wires
# the Security tab, the card and the backend exactly as the README says, builds the app
# and starts the backend (which serves the built app) and opens a
# component's Security tab in Debian's chromium.
# Run it through `bash scripts/portal.sh verify-install` (Node 22 and Yarn 4).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK=$(mktemp -d)
APP="$WORK/app"
TARBALLS="$WORK/tarballs"
log() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

log "pack the plugin family"
node "$ROOT/scripts/pack-check.mjs" --out "$TARBALLS"

log "generate a legacy-frontend Backstage app in $APP"
echo "verify-app" | npx --yes @backstage/create-app@0.9.2 --legacy --skip-install --path "$APP" >/dev/null

log "add the packages (README: Installing into your own portal)"
node - "$APP" "$TARBALLS" <<'EOF'
const fs = require('fs');
const [app, tarballs] = process.argv.slice(2);
const pkg = name => `@secmat/backstage-plugin-${name}`;
const file = name => `file:${tarballs}/${name}.tgz`;
const edit = (path, fn) => {
  const json = JSON.parse(fs.readFileSync(path, 'utf8'));
  fn(json);
  fs.writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`);
};
const family = ['security-maturity', 'security-maturity-common', 'security-maturity-node',
  'security-maturity-backend', 'security-maturity-backend-module-samm'];
edit(`${app}/package.json`, root => {
  root.resolutions = {
    ...root.resolutions,
    // The packed packages name each other by version; point them at the tarballs.
    ...Object.fromEntries(family.map(n => [pkg(n), file(n)])),
    // Platform packages the registry mirror lacks for the newest releases.
    '@swc/core': '1.16.18', 'unrs-resolver': '1.12.2', rollup: '4.67.4', '@yarnpkg/core': '4.9.1',
    // The template's range lets in a signals backend built for the next Backstage
    // release (it needs httpRouter.addWebSocketHandler), which stops the backend
    // at start; the template's own minimum works with this release.
    '@backstage/plugin-signals-backend': '0.3.19',
  };
});
edit(`${app}/packages/app/package.json`, p => {
  p.dependencies[pkg('security-maturity')] = file('security-maturity');
});
edit(`${app}/packages/backend/package.json`, p => {
  p.dependencies[pkg('security-maturity-backend')] = file('security-maturity-backend');
  p.dependencies[pkg('security-maturity-backend-module-samm')] = file('security-maturity-backend-module-samm');
});

// The legacy app: the tab on the service, website and default entity pages.
const pagePath = `${app}/packages/app/src/components/catalog/EntityPage.tsx`;
let page = fs.readFileSync(pagePath, 'utf8');
page = `import { EntitySecurityMaturityCard, EntitySecurityMaturityContent } from '@secmat/backstage-plugin-security-maturity';\n${page}`;
// The summary card in the overview grid.
page = page.replace(
  '    {entityWarningContent}\n',
  '    {entityWarningContent}\n    <Grid item md={6}>\n      <EntitySecurityMaturityCard />\n    </Grid>\n',
);
const route = `    <EntityLayout.Route path="/security" title="Security">
      <EntitySecurityMaturityContent />
    </EntityLayout.Route>
  </EntityLayout>`;
let count = 0;
page = page.replace(/  <\/EntityLayout>/g, m => (count++ < 3 ? route : m));
fs.writeFileSync(pagePath, page);

// The org-wide page: a route in App.tsx and a sidebar item in Root.tsx.
const replaceOnce = (path, find, replacement) => {
  const text = fs.readFileSync(path, 'utf8');
  if (!find.test(text)) throw new Error(`${path}: ${find} not found`);
  fs.writeFileSync(path, text.replace(find, replacement));
};
const appPath = `${app}/packages/app/src/App.tsx`;
replaceOnce(appPath, /^/, "import { SecurityMaturityPage } from '@secmat/backstage-plugin-security-maturity';\n");
replaceOnce(appPath, /(\s*)<\/FlatRoutes>/, '$1  <Route path="/security-maturity" element={<SecurityMaturityPage />} />$1</FlatRoutes>');
const rootPath = `${app}/packages/app/src/components/Root/Root.tsx`;
replaceOnce(rootPath, /^/, "import SecurityIcon from '@material-ui/icons/Security';\n");
replaceOnce(rootPath, /(\n(\s*)<SidebarItem[^>]*to="catalog"[^>]*\/>)/, '$1\n$2<SidebarItem icon={SecurityIcon} to="security-maturity" text="Security maturity" />');

// The backend: the plugin and the SAMM module.
const backendPath = `${app}/packages/backend/src/index.ts`;
fs.writeFileSync(
  backendPath,
  fs.readFileSync(backendPath, 'utf8').replace(
    'backend.start();',
    "backend.add(import('@secmat/backstage-plugin-security-maturity-backend'));\n" +
      "backend.add(import('@secmat/backstage-plugin-security-maturity-backend-module-samm'));\n\nbackend.start();",
  ),
);
EOF
rm -rf "$APP/.yarn/releases" && sed -i '/^yarnPath:/d' "$APP/.yarnrc.yml"

cd "$APP"
log "yarn install"
yarn install
log "type-check"
yarn tsc
log "build the frontend"
yarn workspace app build

log "start the backend, which serves the built app"
cp "$ROOT/scripts/verify-install.app-config.yaml" "$APP/app-config.verify.yaml"
setsid yarn workspace backend start --config ../../app-config.yaml \
  --config ../../app-config.verify.yaml >"$WORK/backend.log" 2>&1 &
backend=$!
trap 'kill -- -$backend 2>/dev/null || true' EXIT
deadline=$((SECONDS + 180))
until curl -sf -o /dev/null http://localhost:7007/.backstage/health/v1/readiness; do
  [ $SECONDS -lt $deadline ] || { tail -40 "$WORK/backend.log"; exit 1; }
  sleep 2
done

log "open the Security tab and the org page in a browser"
PORTAL_URL=http://localhost:7007 E2E_ENTITY=example-website E2E_READ_ONLY=true \
  node "$ROOT/packages/app/e2e/securityTab.e2e.mjs" ${E2E_SCREENSHOTS:+--screenshots "$E2E_SCREENSHOTS"}
echo "verified install in $APP"

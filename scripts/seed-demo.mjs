/* eslint-disable no-console */
// Fills the demo portal with a believable picture, through the plugin's own API
// as the demo guest (a security lead): intake and tier, stage gates with their
// evidence, RASI, exception requests and decisions, for the demo components,
// each team further along than the next. Run it against a running portal:
//
//   node scripts/seed-demo.mjs            (http://localhost:7007)
//
// Components that already have records are left alone, so it can run again.
const backend = process.env.BACKEND_URL ?? 'http://localhost:7007';
const api = `${backend}/api/security-maturity`;

// How far each component is: the number of stages cleared, in workflow order,
// and its intake answers. Teams differ, so the org page has something to show.
const plan = {
  'payments-api': { cleared: 5, data: 'restricted', pci: true },
  'card-vault': { cleared: 6, data: 'restricted', pci: true },
  'ledger-worker': { cleared: 4, data: 'confidential', pci: true },
  'fraud-scoring': { cleared: 2, data: 'confidential' },
  'auth-gateway': { cleared: 4, data: 'restricted', internet: true },
  'user-directory': { cleared: 3, data: 'confidential' },
  'mfa-library': { cleared: 2, data: 'internal' },
  'session-sdk': { cleared: 1, data: 'internal' },
  'checkout-web': { cleared: 3, data: 'confidential', internet: true },
  'storefront-web': { cleared: 2, data: 'internal', internet: true },
  'product-catalog-api': { cleared: 1, data: 'public' },
  'search-indexer': { cleared: 0, data: 'internal' },
  'ci-runners': { cleared: 3, data: 'internal' },
  'cluster-baseline': { cleared: 2, data: 'internal' },
};

async function token() {
  const res = await fetch(`${backend}/api/auth/guest/refresh`, {
    method: 'POST',
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok) throw new Error(`guest sign-in failed: ${res.status}`);
  return (await res.json()).backstageIdentity.token;
}

export async function seedDemo() {
  const auth = { Authorization: `Bearer ${await token()}` };
  const call = async (method, path, body) => {
    const res = await fetch(`${api}${path}`, {
      method,
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) {
      throw new Error(
        `${method} ${path}: ${res.status} ${JSON.stringify(json)}`,
      );
    }
    return json;
  };
  const config = await call('GET', '/config');
  const teamOf = {
    payments: 'group:default/payments-team',
    identity: 'group:default/identity-team',
  };
  let seeded = 0;
  for (const [name, p] of Object.entries(plan)) {
    const base = `/entities/component/default/${name}`;
    const record = await call('GET', base);
    if (record.version > 0) continue;
    await call('PUT', `${base}/intake`, {
      version: 0,
      dataClassification: p.data,
      newIntegrations: false,
      authFlowChanges: false,
      internetExposure: Boolean(p.internet),
      regulatoryObligations: p.pci ? ['PCI DSS'] : [],
    });
    // Clear the first stages with their evidence, then one in progress.
    for (const [i, stage] of config.stages.entries()) {
      if (i > p.cleared) break;
      const done = i < p.cleared;
      const current = (await call('GET', base)).stages.find(
        s => s.stageId === stage.id,
      );
      await call('PUT', `${base}/stages/${stage.id}`, {
        version: current?.version ?? 0,
        status: done ? 'passed' : i % 2 ? 'blocked' : 'in_progress',
        checklist: stage.exitCriteria.map((c, k) => ({
          criterionId: c.id,
          done: done || k === 0,
          evidence:
            done || k === 0
              ? [
                  {
                    title: `${c.title} (${name})`,
                    url: `https://wiki.example.com/security/${name}/${stage.id}/${c.id}`,
                  },
                ]
              : [],
        })),
      });
    }
    const owner = name.match(/card|ledger|fraud|payments/)
      ? teamOf.payments
      : name.match(/auth|user|mfa|session/)
      ? teamOf.identity
      : null;
    if (owner) {
      for (const activity of ['threat-modeling', 'release-sign-off']) {
        await call('PUT', `${base}/rasi/${activity}`, {
          version: 0,
          responsible: [owner],
          accountable: 'user:default/alex.rivera',
          supportive: ['user:default/priya.nair'],
          informed: ['group:default/security-leads'],
        });
      }
    }
    if (p.cleared >= 3 && p.cleared < 6) {
      await call('POST', `${base}/exceptions`, {
        controlId: p.cleared === 4 ? 'network-policies' : 'run-as-non-root',
        justification: 'Legacy agent needs it until the Q1 rebuild',
        compensatingControls: 'Dedicated node pool, egress deny-all',
        riskRating: p.cleared === 5 ? 'high' : 'medium',
        expiresAt: new Date(
          Date.now() + (10 + p.cleared * 7) * 86_400_000,
        ).toISOString(),
      });
    }
    seeded += 1;
  }
  return seeded;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  seedDemo().then(
    n => console.log(`seeded ${n} demo components`),
    error => {
      console.error(error);
      process.exit(1);
    },
  );
}

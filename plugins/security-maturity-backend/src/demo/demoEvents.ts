import { DemoStep, LEAD, teams } from './demoCast';

// What CI pushes as release evidence in the story.
const BUILD = {
  kind: 'pipeline',
  title: 'Build and tests',
  result: 'pass',
} as const;
const PROVENANCE = {
  kind: 'provenance',
  title: 'SLSA provenance',
  result: 'pass',
  slsaBuildLevel: 3,
} as const;

/** The events beyond stage progress: the year's incidents, risks and releases. */
export function demoEvents(): DemoStep[] {
  const [sam, alex] = teams.payments.people;
  const [mei, jonas] = teams.identity.people;
  const [diego] = teams.storefront.people;
  const [fatima] = teams.platform.people;
  const at = (
    day: number,
    component: string,
    as: string,
    act: DemoStep['act'],
  ): DemoStep => ({ day, component, as, act });
  return [
    at(28, 'card-vault', sam, s =>
      s.decision(
        'New HSM vendor',
        'Wrap data keys with the HSM, never export them',
        'Key material must not leave the HSM boundary',
        'implemented',
        sam,
      ),
    ),
    at(35, 'payments-api', sam, s =>
      s.decision(
        'New card network integration',
        'Tokenise card numbers at the edge',
        'Keeps card numbers out of scope for most services',
        'accepted',
        sam,
      ),
    ),
    at(38, 'payments-api', alex, s =>
      s.decision(
        'Webhook callbacks from the network',
        'Verify webhook signatures and pin the network CA',
        'Spoofed settlement callbacks would mark unpaid orders as paid',
        'implemented',
        sam,
      ),
    ),
    at(45, 'payments-api', sam, s => s.attest('G-EG-1-A', 1)),
    at(45, 'payments-api', sam, s => s.attest('G-EG-1-B', 0.5)),
    // Platform: exceptions approved, one left to expire, one revoked.
    at(100, 'cluster-baseline', fatima, (s, now) =>
      s.requestException('root', {
        controlId: 'run-as-non-root',
        riskRating: 'medium',
        expiresInDays: 90,
        now,
      }),
    ),
    at(101, 'cluster-baseline', LEAD, s =>
      s.decideException('root', 'approve', 'Until the node agent is rebuilt'),
    ),
    at(120, 'ci-runners', fatima, (s, now) =>
      s.requestException('netpol', {
        controlId: 'network-policies',
        riskRating: 'high',
        expiresInDays: 100,
        now,
      }),
    ),
    at(122, 'ci-runners', LEAD, s =>
      s.decideException(
        'netpol',
        'approve',
        'Runners move to the isolated pool in Q3',
      ),
    ),
    at(150, 'cluster-baseline', fatima, (s, now) =>
      s.requestException('signing', {
        controlId: 'signed-images',
        riskRating: 'medium',
        expiresInDays: 120,
        now,
      }),
    ),
    at(151, 'cluster-baseline', LEAD, s =>
      s.decideException('signing', 'approve'),
    ),
    at(200, 'cluster-baseline', LEAD, s =>
      s.decideException(
        'signing',
        'revoke',
        'Unsigned images found in production',
      ),
    ),
    // Identity: an incident, contained in three hours, whose lesson re-opens threat modeling.
    at(200, 'auth-gateway', mei, s =>
      s.worksheet(
        'incident',
        'incident',
        'Token replay from a leaked refresh token',
        {
          timeline: [
            'Alert: refresh token used from two countries',
            'Sessions for the affected tenant revoked',
            'Signing keys rotated',
          ],
          findings: ['Refresh tokens were not bound to the client'],
          containedAfterHours: 3,
          close: true,
        },
      ),
    ),
    at(204, 'auth-gateway', jonas, s =>
      s.lesson(
        'incident',
        'Bind refresh tokens to the client and re-model token theft',
        1,
      ),
    ),
    at(206, 'auth-gateway', mei, s =>
      s.decision(
        'Token replay incident',
        'Bind refresh tokens to the client with DPoP',
        'Stolen refresh tokens can no longer be replayed elsewhere',
        'accepted',
        jonas,
      ),
    ),
    at(230, 'auth-gateway', mei, s => s.stage(1, 'passed')),
    at(231, 'auth-gateway', jonas, s => s.signOff(1)),
    // Releases: evidence from CI, decided by a person.
    at(240, 'payments-api', sam, s =>
      s.release('2.3.0', [
        BUILD,
        { kind: 'scan', title: 'Dependency and SAST scans', result: 'pass' },
        {
          kind: 'signature',
          title: 'Image signed with cosign',
          result: 'pass',
        },
        PROVENANCE,
      ]),
    ),
    at(241, 'payments-api', alex, s =>
      s.decideRelease('2.3.0', 'go', 'Evidence complete; on-call briefed'),
    ),
    // Platform regresses: a new integration re-opens threat modeling.
    at(250, 'ci-runners', fatima, s =>
      s.materialChange(
        'new-integration',
        'Runners now pull from the public package mirror',
      ),
    ),
    at(280, 'payments-api', sam, s =>
      s.worksheet('drill', 'drill', 'Quarterly isolation drill', {
        timeline: [
          'Traffic to the card network isolated',
          'Recovery approved and traffic restored',
        ],
        findings: ['Isolation took 12 minutes; the runbook said 5'],
        containedAfterHours: 1,
        close: true,
      }),
    ),
    at(281, 'payments-api', alex, s =>
      s.lesson('drill', 'Automate the isolation step in the runbook'),
    ),
    at(290, 'card-vault', sam, s => s.release('1.12.0', [BUILD, PROVENANCE])),
    at(291, 'card-vault', alex, s =>
      s.decideRelease('1.12.0', 'go', 'Approved at the change board'),
    ),
    // Payments: an exception that expires in six days.
    at(300, 'payments-api', sam, (s, now) =>
      s.requestException('netpol', {
        controlId: 'network-policies',
        riskRating: 'medium',
        expiresInDays: 71,
        now,
      }),
    ),
    at(301, 'payments-api', LEAD, s =>
      s.decideException('netpol', 'approve', 'Until the service mesh rollout'),
    ),
    at(320, 'checkout-web', diego, s =>
      s.release('1.8.0', [
        BUILD,
        { kind: 'scan', title: 'DAST scan', result: 'fail' },
      ]),
    ),
    at(321, 'checkout-web', LEAD, s =>
      s.decideRelease('1.8.0', 'no_go', 'Two high DAST findings open'),
    ),
    at(350, 'checkout-web', diego, (s, now) =>
      s.requestException('limits', {
        controlId: 'resource-limits',
        riskRating: 'low',
        expiresInDays: 60,
        now,
      }),
    ),
  ];
}

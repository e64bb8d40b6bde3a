import { CompoundEntityRef } from '@backstage/catalog-model';
import { Client, OperationId } from './specTypes';

/** What a real frontend or CI job sends, one call per operation of the spec. */
export const BASE_URL = 'http://localhost:7007/api/security-maturity';
export const RECORD_ID = '6f1c2a9e-3b4d-4c8a-9f1e-2d7b5a0c4e13';

export const entity: CompoundEntityRef = {
  kind: 'Component',
  namespace: 'default',
  name: 'payments-api',
};

/** A group, as the Security tab of its entity page names it. */
const team: CompoundEntityRef = {
  kind: 'Group',
  namespace: 'default',
  name: 'payments-team',
};

/** The path parameter values the samples use, by parameter name. */
export const PATH_VALUES: Record<string, string> = {
  kind: entity.kind,
  namespace: entity.namespace,
  name: entity.name,
  id: RECORD_ID,
  stageId: 'threat-modeling',
  activityId: 'threat-modeling',
};

export type Sample = {
  /** Calls the operation's client method as a real caller would. */
  call: (client: Client) => Promise<unknown>;
  /** Path parameter values of this call that differ from PATH_VALUES. */
  pathValues?: Record<string, string>;
};

export const decision = {
  trigger: 'Card numbers reach the payments API from the new checkout',
  decision: 'Tokenise card numbers at the edge',
  rationale: 'Keeps primary account numbers out of the service and its logs',
  ownerRef: 'group:default/payments-team',
  status: 'accepted' as const,
  backlogUrl: 'https://issues.example.com/browse/PAY-142',
  reReviewAt: '2027-03-01',
  reReviewTrigger: 'A new card processor',
};

/** One sample per operation: tsc fails when the spec gains an operation without one. */
export const samples: { [O in OperationId]: Sample } = {
  GetEntityRecord: { call: c => c.getEntityRecord(entity) },
  ListScorers: { call: c => c.listScorers() },
  GetWorkflowConfig: { call: c => c.getWorkflowConfig() },
  PutIntake: {
    call: c =>
      c.putIntake(entity, {
        version: 0,
        dataClassification: 'confidential',
        newIntegrations: true,
        authFlowChanges: false,
        internetExposure: true,
        regulatoryObligations: ['PCI DSS'],
        notes: 'Card payments from the new checkout',
      }),
  },
  PutStage: {
    call: c =>
      c.putStage(entity, 'threat-modeling', {
        version: 2,
        status: 'passed',
        checklist: [
          {
            criterionId: 'threat-model-reviewed',
            done: true,
            evidence: [
              {
                title: 'Threat model',
                url: 'https://wiki.example.com/payments/threat-model',
              },
            ],
          },
        ],
        notes: 'Reviewed with the security champion',
      }),
  },
  SignOffStage: {
    call: c => c.signOffStage(entity, 'threat-modeling', { version: 3 }),
  },
  RecordMaterialChange: {
    call: c =>
      c.recordMaterialChange(entity, {
        kind: 'auth-change',
        description: 'Sign-in moves from API keys to OIDC',
      }),
  },
  PutRasiAssignment: {
    call: c =>
      c.putRasiAssignment(entity, 'threat-modeling', {
        version: 0,
        responsible: ['group:default/payments-team'],
        accountable: 'user:default/alex.rivera',
        supportive: ['group:default/appsec'],
        informed: [],
      }),
  },
  ListExceptions: { call: c => c.listExceptions(entity, { limit: 20 }) },
  RequestException: {
    call: c =>
      c.requestException(entity, {
        controlId: 'run-as-non-root',
        justification: 'The terminal agent binds port 443',
        compensatingControls: 'Dedicated node pool, no service account token',
        riskRating: 'medium',
        expiresAt: '2027-01-15T00:00:00.000Z',
      }),
  },
  TransitionException: {
    call: c =>
      c.transitionException(entity, RECORD_ID, {
        version: 1,
        action: 'approve',
        note: 'Until the node pool moves',
      }),
  },
  ListWorksheets: { call: c => c.listWorksheets(entity) },
  StartWorksheet: {
    call: c =>
      c.startWorksheet(entity, {
        kind: 'drill',
        title: 'Leaked API token drill',
      }),
  },
  UpdateWorksheet: {
    call: c =>
      c.updateWorksheet(entity, RECORD_ID, {
        version: 3,
        title: 'Leaked API token drill',
        status: 'closed',
        containedAt: '2026-10-14T09:42:00.000Z',
        readiness: {
          baselineControlsPresent: true,
          runtimeVisibility: true,
          containmentPathLastTested: '2026-09-30',
        },
        containmentOwners: {
          isolate: 'group:default/payments-team',
          revoke: 'group:default/appsec',
          freeze: null,
          recover: 'user:default/alex.rivera',
        },
        timeline: [
          {
            at: '2026-10-14T09:30:00.000Z',
            entry: 'Token found in a public gist',
            by: 'user:default/alex.rivera',
          },
        ],
        actions: [
          {
            description: 'Rotate the token',
            owner: 'group:default/payments-team',
            done: true,
          },
          { description: 'Add secret scanning to CI', done: false },
        ],
        findings: ['Rotation took 12 minutes'],
      }),
  },
  AddLesson: {
    call: c =>
      c.addLesson(entity, RECORD_ID, {
        version: 4,
        lesson: 'Secret scanning belongs in the build gate',
        reopensStageId: 'build',
      }),
  },
  ListDecisions: { call: c => c.listDecisions(entity, { offset: 50 }) },
  CreateDecision: { call: c => c.createDecision(entity, decision) },
  UpdateDecision: {
    call: c =>
      c.updateDecision(entity, RECORD_ID, {
        ...decision,
        status: 'implemented',
        version: 2,
      }),
  },
  ListReleases: {
    call: c => c.listReleases(entity, { limit: 5, offset: 0 }),
  },
  CreateRelease: { call: c => c.createRelease(entity, { release: '2.4.0' }) },
  ListEntityEvidence: { call: c => c.listEntityEvidence(entity) },
  PushEntityEvidence: {
    call: c =>
      c.pushEntityEvidence(
        entity,
        'sarif',
        { version: '2.1.0', runs: [{ tool: { driver: { name: 'Semgrep' } } }] },
        { link: 'https://ci.example.com/runs/981' },
      ),
    pathValues: { format: 'sarif' },
  },
  PushReleaseEvidence: {
    call: c =>
      c.pushReleaseEvidence(entity, RECORD_ID, {
        kind: 'provenance',
        title: 'SLSA provenance',
        url: 'https://ci.example.com/runs/981/provenance.json',
        result: 'pass',
        slsaBuildLevel: 3,
      }),
  },
  GetReleaseVerdict: {
    call: c => c.getReleaseVerdict(entity, RECORD_ID),
  },
  DecideRelease: {
    call: c =>
      c.decideRelease(entity, RECORD_ID, {
        version: 2,
        decision: 'go',
        note: 'All required gates cleared',
      }),
  },
  PutAssessmentAnswer: {
    call: c =>
      c.putAssessmentAnswer(entity, 'D-TA-1-A', {
        version: 0,
        value: 0.5,
        notes: 'Threat models for new services only',
      }),
    pathValues: { activityId: 'D-TA-1-A' },
  },
  ListHistory: { call: c => c.listHistory(entity, { limit: 50, offset: 50 }) },
  GetEntityScore: { call: c => c.getEntityScore(entity) },
  GetEntityScoreHistory: {
    call: c => c.getEntityScoreHistory(entity, { days: 180 }),
  },
  GetSammModel: { call: c => c.getSammModel() },
  GetSecurityTasks: { call: c => c.getSecurityTasks({ limit: 5 }) },
  ListSecurityTasks: {
    call: c => c.listSecurityTasks('signoffs', { limit: 20, offset: 20 }),
    pathValues: { list: 'signoffs' },
  },
  GetOrgFacets: { call: c => c.getOrgFacets() },
  GetOrgOverview: {
    call: c =>
      c.getOrgOverview(
        { owner: 'group:default/payments-team', tier: '1', q: undefined },
        { withinDays: 30, since: '2026-07-01' },
      ),
  },
  ListOrgComponents: {
    call: c =>
      c.listOrgComponents({
        owner: 'group:default/engineering',
        lifecycle: 'production',
        q: 'payments',
        sort: 'percentToTarget',
        order: 'asc',
        limit: 25,
        offset: 0,
      }),
  },
  GetOrgTrend: {
    call: c =>
      c.getOrgTrend({ domain: 'domain:default/payments' }, { days: 90 }),
  },
  GetMetricsPack: {
    call: c =>
      c.getMetricsPack({
        owner: 'group:default/engineering',
        quarter: '2026-Q4',
        format: 'xlsx',
      }),
  },
  GetStaffingCapacity: {
    call: c =>
      c.getStaffingCapacity({
        owner: 'group:default/payments-team',
        quarter: '2026-Q4',
      }),
  },
  PutStaffingCapacity: {
    call: c =>
      c.putStaffingCapacity({
        partnerRef: 'user:default/sam',
        quarter: '2026-Q4',
        capacity: 6,
        version: 0,
      }),
  },
  GetStaffingWorkbook: {
    call: c =>
      c.getStaffingWorkbook({
        owner: 'group:default/payments-team',
        quarter: '2026-Q4',
      }),
  },
  PreviewStaffingWorkbook: {
    call: c =>
      c.previewStaffingWorkbook(new Uint8Array([0x50, 0x4b, 3, 4]).buffer, {
        name: 'payments.xlsx',
        quarter: '2026-Q4',
      }),
  },
  ApplyStaffingWorkbook: {
    call: c =>
      c.applyStaffingWorkbook(new Uint8Array([0x50, 0x4b, 3, 4]).buffer, {
        name: 'payments.xlsx',
      }),
  },
  GetOrgUnitOverview: {
    call: c =>
      c.getOrgUnitOverview(team, { withinDays: 60, since: '2026-10-01' }),
    pathValues: { kind: team.kind, name: team.name },
  },
  ListOrgUnitComponents: {
    call: c =>
      c.listOrgUnitComponents(team, {
        tier: '1',
        sort: 'name',
        order: 'desc',
        limit: 25,
        offset: 25,
      }),
    pathValues: { kind: team.kind, name: team.name },
  },
  ListCampaigns: { call: c => c.listCampaigns({ includeArchived: true }) },
  CreateCampaign: {
    call: c =>
      c.createCampaign({
        title: 'Threat Assessment for Payments',
        scope: { owner: 'group:default/payments-team', tier: '1' },
        goal: {
          all: [
            { kind: 'practice', practiceId: 'D-TA', atLeast: 1 },
            { kind: 'accountable', activityId: 'threat-modeling' },
          ],
        },
        startDay: '2026-10-01',
        targetDay: '2026-12-31',
        ownerRef: 'user:default/lena',
        reminderCadenceDays: 7,
      }),
  },
  GetCampaign: {
    call: c => c.getCampaign(RECORD_ID),
    pathValues: { campaignId: RECORD_ID },
  },
  UpdateCampaign: {
    call: c =>
      c.updateCampaign(RECORD_ID, {
        version: 1,
        title: 'Threat Assessment for Payments',
        scope: { owner: 'group:default/payments-team' },
        goal: { all: [{ kind: 'noExpiredExceptions' }] },
        startDay: '2026-10-01',
        targetDay: '2026-12-31',
        ownerRef: 'user:default/lena',
        reminderCadenceDays: null,
      }),
    pathValues: { campaignId: RECORD_ID },
  },
  ArchiveCampaign: {
    call: c => c.archiveCampaign(RECORD_ID, { version: 2 }),
    pathValues: { campaignId: RECORD_ID },
  },
  ListCampaignMissing: {
    call: c => c.listCampaignMissing(RECORD_ID, { limit: 25, offset: 25 }),
    pathValues: { campaignId: RECORD_ID },
  },
  GetEntityCampaigns: { call: c => c.getEntityCampaigns(entity) },
  GetEntityRoadmap: { call: c => c.getEntityRoadmap(entity) },
  PutRoadmapPhase: {
    call: c =>
      c.putRoadmapPhase(entity, 2, {
        version: 0,
        name: 'Harden the build',
        items: [
          { activityId: 'I-SB-2-A', plannedAnswer: 1, dueOn: '2027-03-31' },
          {
            activityId: 'V-ST-1-B',
            plannedAnswer: 0.5,
            dueOn: '2027-03-15',
            ownerRef: 'group:default/payments-team',
          },
        ],
      }),
    pathValues: { phase: '2' },
  },
  DeleteRoadmapPhase: {
    call: c => c.deleteRoadmapPhase(entity, 2, 3),
    pathValues: { phase: '2' },
  },
};

/** `PutIntake` → `putIntake`: the client's method name of an operation. */

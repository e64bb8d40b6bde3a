import { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  EvidenceFormat,
  EvidenceSignal,
  EvidenceUploadResult,
} from '../evidence';
import {
  AssessmentAnswer,
  DecisionRecord,
  EntityScore,
  ExceptionRecord,
  HistoryEntry,
  IntakeRecord,
  Page,
  PageRequest,
  RasiAssignment,
  ReleaseRecord,
  SammModelView,
  ScoreSnapshot,
  ScorerInfo,
  SecurityMaturityRecord,
  StageRecord,
  WorksheetRecord,
} from '../types';
import { WorkflowConfig } from '../workflow';
import {
  CapacityInput,
  CapacityPartner,
  CapacityView,
  StaffingApplyResult,
  StaffingPreview,
  StaffingQuery,
  STAFFING_WORKBOOK_TYPE,
} from '../staffing';
import { EntityRoadmap, RoadmapPhase, RoadmapPhaseInput } from '../roadmap';
import { ReleaseVerdict } from '../verdict';
import { SecurityTaskList, SecurityTaskPage, SecurityTasks } from '../tasks';
import {
  MetricsPackFormat,
  OrgComponentPage,
  OrgComponentQuery,
  OrgFacets,
  OrgFilter,
  OrgOverview,
  OrgOverviewOptions,
  OrgTrend,
  OrgUnitComponentQuery,
  Quarter,
} from '../org';
import {
  Campaign,
  CampaignDetail,
  CampaignInput,
  CampaignMissingPage,
  CampaignSummary,
  EntityCampaign,
} from '../campaigns';
import {
  DecisionInput,
  ExceptionAction,
  ExceptionRequest,
  IntakeUpdate,
  MaterialChangeInput,
  RasiUpdate,
  ReleaseEvidenceInput,
  SecurityMaturityApi,
  StageUpdate,
  WorksheetUpdate,
} from './SecurityMaturityApi';

/** The plugin ID, which is also the backend's discovery key. @public */
export const SECURITY_MATURITY_PLUGIN_ID = 'security-maturity';

type Query = Record<string, string | number | boolean | null | undefined>;

/** A path of URI-encoded segments: ids and refs never add a `/` or `?`. */
const path = (...segments: string[]) =>
  `/${segments.map(encodeURIComponent).join('/')}`;

/** `/entities/{kind}/{namespace}/{name}`, then the given segments. */
const entityPath = (entity: CompoundEntityRef, ...segments: string[]) =>
  path('entities', entity.kind, entity.namespace, entity.name, ...segments);

/** `/org/units/{kind}/{namespace}/{name}`, then the given segments. */
const orgUnitPath = (unit: CompoundEntityRef, ...segments: string[]) =>
  path('org', 'units', unit.kind, unit.namespace, unit.name, ...segments);

/** A query string of the defined, non-empty values. */
const queryString = (values: Query = {}) => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== null && value !== '') {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
};

/**
 * HTTP client of the security-maturity backend. Works in the browser (with the
 * frontend's discovery and fetch APIs) and in Node (e.g. in a CI step pushing
 * release evidence, with a `fetchApi` that adds a service token).
 *
 * Method names are the operation IDs of the backend's OpenAPI spec, in
 * lowerCamelCase; the backend's contract test holds the two together.
 *
 * @public
 */
export class SecurityMaturityClient implements SecurityMaturityApi {
  readonly #discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  readonly #fetchApi: { fetch: typeof fetch };

  constructor(options: {
    discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
    fetchApi?: { fetch: typeof fetch };
  }) {
    this.#discoveryApi = options.discoveryApi;
    this.#fetchApi = options.fetchApi ?? { fetch: (...a) => fetch(...a) };
  }

  // Entity records

  getEntityRecord(entity: CompoundEntityRef): Promise<SecurityMaturityRecord> {
    return this.#get(entityPath(entity));
  }

  listScorers(): Promise<{ items: ScorerInfo[] }> {
    return this.#get(path('scorers'));
  }

  getWorkflowConfig(): Promise<WorkflowConfig> {
    return this.#get(path('config'));
  }

  getEntityScore(entity: CompoundEntityRef): Promise<EntityScore> {
    return this.#get(entityPath(entity, 'score'));
  }

  getEntityScoreHistory(
    entity: CompoundEntityRef,
    options: { days?: number } = {},
  ): Promise<{ items: ScoreSnapshot[] }> {
    return this.#get(entityPath(entity, 'score', 'history'), options);
  }

  getSammModel(): Promise<SammModelView> {
    return this.#get(path('samm', 'model'));
  }

  // My security tasks

  getSecurityTasks(options: { limit?: number } = {}): Promise<SecurityTasks> {
    return this.#get(path('tasks'), options);
  }

  listSecurityTasks<L extends SecurityTaskList>(
    list: L,
    page: PageRequest = {},
  ): Promise<SecurityTaskPage<L>> {
    return this.#get(path('tasks', list), page);
  }

  putIntake(
    entity: CompoundEntityRef,
    update: IntakeUpdate,
  ): Promise<IntakeRecord> {
    return this.#send('PUT', entityPath(entity, 'intake'), update);
  }

  recordMaterialChange(
    entity: CompoundEntityRef,
    change: MaterialChangeInput,
  ): Promise<StageRecord> {
    return this.#send('POST', entityPath(entity, 'material-changes'), change);
  }

  putStage(
    entity: CompoundEntityRef,
    stageId: string,
    update: StageUpdate,
  ): Promise<StageRecord> {
    return this.#send('PUT', entityPath(entity, 'stages', stageId), update);
  }

  signOffStage(
    entity: CompoundEntityRef,
    stageId: string,
    signOff: { version: number },
  ): Promise<StageRecord> {
    return this.#send(
      'POST',
      entityPath(entity, 'stages', stageId, 'sign-off'),
      signOff,
    );
  }

  putRasiAssignment(
    entity: CompoundEntityRef,
    activityId: string,
    update: RasiUpdate,
  ): Promise<RasiAssignment> {
    return this.#send('PUT', entityPath(entity, 'rasi', activityId), update);
  }

  putAssessmentAnswer(
    entity: CompoundEntityRef,
    activityId: string,
    answer: { version: number; value: number; notes?: string },
  ): Promise<AssessmentAnswer> {
    return this.#send(
      'PUT',
      entityPath(entity, 'assessment', activityId),
      answer,
    );
  }

  listExceptions(
    entity: CompoundEntityRef,
    page: PageRequest = {},
  ): Promise<Page<ExceptionRecord>> {
    return this.#get(entityPath(entity, 'exceptions'), page);
  }

  requestException(
    entity: CompoundEntityRef,
    request: ExceptionRequest,
  ): Promise<ExceptionRecord> {
    return this.#send('POST', entityPath(entity, 'exceptions'), request);
  }

  transitionException(
    entity: CompoundEntityRef,
    id: string,
    transition: { version: number; action: ExceptionAction; note?: string },
  ): Promise<ExceptionRecord> {
    return this.#send(
      'POST',
      entityPath(entity, 'exceptions', id, 'transitions'),
      transition,
    );
  }

  listWorksheets(
    entity: CompoundEntityRef,
    page: PageRequest = {},
  ): Promise<Page<WorksheetRecord>> {
    return this.#get(entityPath(entity, 'worksheets'), page);
  }

  startWorksheet(
    entity: CompoundEntityRef,
    worksheet: { kind: 'incident' | 'drill'; title: string },
  ): Promise<WorksheetRecord> {
    return this.#send('POST', entityPath(entity, 'worksheets'), worksheet);
  }

  updateWorksheet(
    entity: CompoundEntityRef,
    id: string,
    update: WorksheetUpdate,
  ): Promise<WorksheetRecord> {
    return this.#send('PUT', entityPath(entity, 'worksheets', id), update);
  }

  addLesson(
    entity: CompoundEntityRef,
    id: string,
    lesson: { version: number; lesson: string; reopensStageId?: string },
  ): Promise<WorksheetRecord> {
    return this.#send(
      'POST',
      entityPath(entity, 'worksheets', id, 'lessons'),
      lesson,
    );
  }

  listDecisions(
    entity: CompoundEntityRef,
    page: PageRequest = {},
  ): Promise<Page<DecisionRecord>> {
    return this.#get(entityPath(entity, 'decisions'), page);
  }

  createDecision(
    entity: CompoundEntityRef,
    decision: DecisionInput,
  ): Promise<DecisionRecord> {
    return this.#send('POST', entityPath(entity, 'decisions'), decision);
  }

  updateDecision(
    entity: CompoundEntityRef,
    id: string,
    decision: DecisionInput & { version: number },
  ): Promise<DecisionRecord> {
    return this.#send('PUT', entityPath(entity, 'decisions', id), decision);
  }

  listReleases(
    entity: CompoundEntityRef,
    page: PageRequest = {},
  ): Promise<Page<ReleaseRecord>> {
    return this.#get(entityPath(entity, 'releases'), page);
  }

  createRelease(
    entity: CompoundEntityRef,
    release: { release: string },
  ): Promise<ReleaseRecord> {
    return this.#send('POST', entityPath(entity, 'releases'), release);
  }

  pushReleaseEvidence(
    entity: CompoundEntityRef,
    id: string,
    evidence: ReleaseEvidenceInput,
  ): Promise<ReleaseRecord> {
    return this.#send(
      'POST',
      entityPath(entity, 'releases', id, 'evidence'),
      evidence,
    );
  }

  getReleaseVerdict(
    entity: CompoundEntityRef,
    id: string,
  ): Promise<ReleaseVerdict> {
    return this.#get(entityPath(entity, 'releases', id, 'verdict'));
  }

  listEntityEvidence(
    entity: CompoundEntityRef,
  ): Promise<{ items: EvidenceSignal[] }> {
    return this.#get(entityPath(entity, 'evidence'));
  }

  pushEntityEvidence(
    entity: CompoundEntityRef,
    format: EvidenceFormat,
    document: object,
    options: { link?: string } = {},
  ): Promise<EvidenceUploadResult> {
    return this.#json('POST', entityPath(entity, 'evidence', format), {
      query: { link: options.link },
      body: document,
    });
  }

  decideRelease(
    entity: CompoundEntityRef,
    id: string,
    decision: { version: number; decision: 'go' | 'no_go'; note?: string },
  ): Promise<ReleaseRecord> {
    return this.#send(
      'POST',
      entityPath(entity, 'releases', id, 'decision'),
      decision,
    );
  }

  listHistory(
    entity: CompoundEntityRef,
    page: PageRequest = {},
  ): Promise<Page<HistoryEntry>> {
    return this.#get(entityPath(entity, 'history'), page);
  }

  // Org-wide views (security leads)

  getOrgFacets(): Promise<OrgFacets> {
    return this.#get(path('org', 'facets'));
  }

  getOrgOverview(
    filter: OrgFilter,
    options: OrgOverviewOptions = {},
  ): Promise<OrgOverview> {
    return this.#get(path('org', 'overview'), { ...filter, ...options });
  }

  listOrgComponents(query: OrgComponentQuery): Promise<OrgComponentPage> {
    return this.#get(path('org', 'components'), query);
  }

  getOrgTrend(
    filter: OrgFilter,
    options: { days?: number } = {},
  ): Promise<OrgTrend> {
    return this.#get(path('org', 'trend'), { ...filter, ...options });
  }

  async getMetricsPack(
    filter: OrgFilter & { quarter: Quarter; format: MetricsPackFormat },
  ): Promise<Blob> {
    const response = await this.#fetch('GET', path('org', 'metrics-pack'), {
      query: filter,
    });
    return response.blob();
  }

  // The staffing, capacity and RASI workbook

  getStaffingCapacity(query: StaffingQuery = {}): Promise<CapacityView> {
    return this.#get(path('org', 'staffing', 'capacity'), query);
  }

  putStaffingCapacity(input: CapacityInput): Promise<CapacityPartner> {
    return this.#send('PUT', path('org', 'staffing', 'capacity'), input);
  }

  async getStaffingWorkbook(query: StaffingQuery = {}): Promise<Blob> {
    const response = await this.#fetch(
      'GET',
      path('org', 'staffing', 'workbook'),
      { query },
    );
    return response.blob();
  }

  previewStaffingWorkbook(
    workbook: Blob | ArrayBuffer,
    options: { name?: string; quarter?: Quarter } = {},
  ): Promise<StaffingPreview> {
    return this.#upload('preview', workbook, options);
  }

  applyStaffingWorkbook(
    workbook: Blob | ArrayBuffer,
    options: { name?: string; quarter?: Quarter } = {},
  ): Promise<StaffingApplyResult> {
    return this.#upload('apply', workbook, options);
  }

  /** Uploads a workbook as its bytes, answered with JSON. */
  async #upload<T>(
    step: 'preview' | 'apply',
    workbook: Blob | ArrayBuffer,
    query: { name?: string; quarter?: Quarter },
  ): Promise<T> {
    const baseUrl = await this.#discoveryApi.getBaseUrl(
      SECURITY_MATURITY_PLUGIN_ID,
    );
    const response = await this.#fetchApi.fetch(
      `${baseUrl}${path('org', 'staffing', 'workbook', step)}${queryString(
        query,
      )}`,
      {
        method: 'POST',
        headers: { 'Content-Type': STAFFING_WORKBOOK_TYPE },
        body: workbook,
      },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }

  // Team views: the Security tab of a group, system or domain

  getOrgUnitOverview(
    unit: CompoundEntityRef,
    options: OrgOverviewOptions = {},
  ): Promise<OrgOverview> {
    return this.#get(orgUnitPath(unit, 'overview'), options);
  }

  listOrgUnitComponents(
    unit: CompoundEntityRef,
    query: OrgUnitComponentQuery = {},
  ): Promise<OrgComponentPage> {
    return this.#get(orgUnitPath(unit, 'components'), query);
  }

  // Campaigns

  listCampaigns(
    options: { includeArchived?: boolean } = {},
  ): Promise<{ items: CampaignSummary[] }> {
    return this.#get(path('org', 'campaigns'), options);
  }

  createCampaign(input: CampaignInput): Promise<Campaign> {
    return this.#send('POST', path('org', 'campaigns'), input);
  }

  getCampaign(id: string): Promise<CampaignDetail> {
    return this.#get(path('org', 'campaigns', id));
  }

  updateCampaign(
    id: string,
    input: CampaignInput & { version: number },
  ): Promise<Campaign> {
    return this.#send('PUT', path('org', 'campaigns', id), input);
  }

  archiveCampaign(id: string, body: { version: number }): Promise<Campaign> {
    return this.#send('POST', path('org', 'campaigns', id, 'archive'), body);
  }

  listCampaignMissing(
    id: string,
    page: PageRequest = {},
  ): Promise<CampaignMissingPage> {
    return this.#get(path('org', 'campaigns', id, 'missing'), page);
  }

  getEntityCampaigns(
    entity: CompoundEntityRef,
  ): Promise<{ items: EntityCampaign[] }> {
    return this.#get(entityPath(entity, 'campaigns'));
  }

  getEntityRoadmap(entity: CompoundEntityRef): Promise<EntityRoadmap> {
    return this.#get(entityPath(entity, 'roadmap'));
  }

  putRoadmapPhase(
    entity: CompoundEntityRef,
    phase: number,
    input: RoadmapPhaseInput,
  ): Promise<RoadmapPhase> {
    return this.#send(
      'PUT',
      entityPath(entity, 'roadmap', 'phases', String(phase)),
      input,
    );
  }

  deleteRoadmapPhase(
    entity: CompoundEntityRef,
    phase: number,
    version: number,
  ): Promise<RoadmapPhase> {
    return this.#json(
      'DELETE',
      entityPath(entity, 'roadmap', 'phases', String(phase)),
      { query: { version } },
    );
  }

  /** A GET answered with JSON. */
  #get<T>(urlPath: string, query?: Query): Promise<T> {
    return this.#json('GET', urlPath, { query });
  }

  /** A PUT or POST with a JSON body, answered with JSON. */
  #send<T>(method: 'PUT' | 'POST', urlPath: string, body: object): Promise<T> {
    return this.#json(method, urlPath, { body });
  }

  async #json<T>(
    method: string,
    urlPath: string,
    options: { query?: Query; body?: object },
  ): Promise<T> {
    const response = await this.#fetch(method, urlPath, options);
    return (await response.json()) as T;
  }

  /** Sends the request; a non-2xx answer is thrown as a `ResponseError`. */
  async #fetch(
    method: string,
    urlPath: string,
    { query, body }: { query?: Query; body?: object },
  ): Promise<Response> {
    const baseUrl = await this.#discoveryApi.getBaseUrl(
      SECURITY_MATURITY_PLUGIN_ID,
    );
    const response = await this.#fetchApi.fetch(
      `${baseUrl}${urlPath}${queryString(query)}`,
      {
        method,
        ...(body === undefined
          ? {}
          : {
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify(body),
            }),
      },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}

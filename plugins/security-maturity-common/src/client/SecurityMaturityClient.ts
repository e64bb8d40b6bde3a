import { CompoundEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  AssessmentAnswer,
  DecisionRecord,
  EntityScore,
  ReleaseRecord,
  WorksheetRecord,
  ExceptionRecord,
  RasiAssignment,
  SecurityMaturityRecord,
  StageRecord,
} from '../types';
import { WorkflowConfig } from '../workflow';
import {
  MetricsPackFormat,
  OrgComponentPage,
  OrgComponentQuery,
  OrgFacets,
  OrgFilter,
  OrgOverview,
  OrgTrend,
  Quarter,
} from '../org';
import {
  DecisionInput,
  ExceptionAction,
  ExceptionRequest,
  WorksheetUpdate,
  RasiUpdate,
  SecurityMaturityApi,
  StageUpdate,
} from './SecurityMaturityApi';

/** The plugin ID, which is also the backend's discovery key. @public */
export const SECURITY_MATURITY_PLUGIN_ID = 'security-maturity';

const entityPath = (e: CompoundEntityRef) =>
  `/entities/${encodeURIComponent(e.kind)}/${encodeURIComponent(
    e.namespace,
  )}/${encodeURIComponent(e.name)}`;

/** A query string of the defined, non-empty values. */
const query = (values: Record<string, unknown>) => {
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
 * frontend's discovery and fetch APIs) and in Node.
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

  getEntityRecord(entity: CompoundEntityRef): Promise<SecurityMaturityRecord> {
    return this.#call('GET', entityPath(entity));
  }

  getWorkflowConfig(): Promise<WorkflowConfig> {
    return this.#call('GET', '/config');
  }

  getEntityScore(entity: CompoundEntityRef): Promise<EntityScore> {
    return this.#call('GET', `${entityPath(entity)}/score`);
  }

  putStage(
    entity: CompoundEntityRef,
    stageId: string,
    update: StageUpdate,
  ): Promise<StageRecord> {
    return this.#call(
      'PUT',
      `${entityPath(entity)}/stages/${encodeURIComponent(stageId)}`,
      update,
    );
  }

  putRasiAssignment(
    entity: CompoundEntityRef,
    activityId: string,
    update: RasiUpdate,
  ): Promise<RasiAssignment> {
    return this.#call(
      'PUT',
      `${entityPath(entity)}/rasi/${encodeURIComponent(activityId)}`,
      update,
    );
  }

  requestException(
    entity: CompoundEntityRef,
    request: ExceptionRequest,
  ): Promise<ExceptionRecord> {
    return this.#call('POST', `${entityPath(entity)}/exceptions`, request);
  }

  transitionException(
    entity: CompoundEntityRef,
    id: string,
    transition: { version: number; action: ExceptionAction; note?: string },
  ): Promise<ExceptionRecord> {
    return this.#call(
      'POST',
      `${entityPath(entity)}/exceptions/${encodeURIComponent(id)}/transitions`,
      transition,
    );
  }

  startWorksheet(
    entity: CompoundEntityRef,
    worksheet: { kind: 'incident' | 'drill'; title: string },
  ): Promise<WorksheetRecord> {
    return this.#call('POST', `${entityPath(entity)}/worksheets`, worksheet);
  }

  updateWorksheet(
    entity: CompoundEntityRef,
    id: string,
    update: WorksheetUpdate,
  ): Promise<WorksheetRecord> {
    return this.#call(
      'PUT',
      `${entityPath(entity)}/worksheets/${encodeURIComponent(id)}`,
      update,
    );
  }

  addLesson(
    entity: CompoundEntityRef,
    id: string,
    lesson: { version: number; lesson: string; reopensStageId?: string },
  ): Promise<WorksheetRecord> {
    return this.#call(
      'POST',
      `${entityPath(entity)}/worksheets/${encodeURIComponent(id)}/lessons`,
      lesson,
    );
  }

  createDecision(
    entity: CompoundEntityRef,
    decision: DecisionInput,
  ): Promise<DecisionRecord> {
    return this.#call('POST', `${entityPath(entity)}/decisions`, decision);
  }

  updateDecision(
    entity: CompoundEntityRef,
    id: string,
    decision: DecisionInput & { version: number },
  ): Promise<DecisionRecord> {
    return this.#call(
      'PUT',
      `${entityPath(entity)}/decisions/${encodeURIComponent(id)}`,
      decision,
    );
  }

  createRelease(
    entity: CompoundEntityRef,
    release: { release: string },
  ): Promise<ReleaseRecord> {
    return this.#call('POST', `${entityPath(entity)}/releases`, release);
  }

  decideRelease(
    entity: CompoundEntityRef,
    id: string,
    decision: { version: number; decision: 'go' | 'no_go'; note?: string },
  ): Promise<ReleaseRecord> {
    return this.#call(
      'POST',
      `${entityPath(entity)}/releases/${encodeURIComponent(id)}/decision`,
      decision,
    );
  }

  signOffStage(
    entity: CompoundEntityRef,
    stageId: string,
    signOff: { version: number },
  ): Promise<StageRecord> {
    return this.#call(
      'POST',
      `${entityPath(entity)}/stages/${encodeURIComponent(stageId)}/sign-off`,
      signOff,
    );
  }

  putAssessmentAnswer(
    entity: CompoundEntityRef,
    activityId: string,
    answer: { version: number; value: number; notes?: string },
  ): Promise<AssessmentAnswer> {
    return this.#call(
      'PUT',
      `${entityPath(entity)}/assessment/${encodeURIComponent(activityId)}`,
      answer,
    );
  }

  getOrgFacets(): Promise<OrgFacets> {
    return this.#call('GET', '/org/facets');
  }

  getOrgOverview(
    filter: OrgFilter,
    options: { withinDays?: number } = {},
  ): Promise<OrgOverview> {
    return this.#call(
      'GET',
      `/org/overview${query({ ...filter, ...options })}`,
    );
  }

  listOrgComponents(q: OrgComponentQuery): Promise<OrgComponentPage> {
    return this.#call('GET', `/org/components${query(q)}`);
  }

  getOrgTrend(
    filter: OrgFilter,
    options: { days?: number } = {},
  ): Promise<OrgTrend> {
    return this.#call('GET', `/org/trend${query({ ...filter, ...options })}`);
  }

  async getMetricsPack(
    filter: OrgFilter & { quarter: Quarter; format: MetricsPackFormat },
  ): Promise<Blob> {
    const response = await this.#fetch(
      'GET',
      `/org/metrics-pack${query(filter)}`,
    );
    return response.blob();
  }

  async #call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.#fetch(method, path, body);
    return (await response.json()) as T;
  }

  async #fetch(method: string, path: string, body?: unknown) {
    const baseUrl = await this.#discoveryApi.getBaseUrl(
      SECURITY_MATURITY_PLUGIN_ID,
    );
    const response = await this.#fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : {
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          }),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}

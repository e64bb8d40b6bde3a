import {
  AuditorService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  parseEntityRef,
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CapacityChange,
  CapacityInput,
  CapacityPartner,
  CapacityUnit,
  CapacityView,
  normalizeEntityRef,
  OrgFilter,
  Quarter,
  RasiAssignment,
  RasiRole,
  RasiRoleChange,
  StaffingApplyResult,
  StaffingAssignmentChange,
  StaffingComponentPreview,
  StaffingPreview,
  StaffingProblem,
  STAFFING_WORKBOOK_LAYOUT,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { EntityAccessPolicy } from '../access/AccessControl';
import { OrgAccess } from '../access/OrgAccess';
import { OrgReadModel, ResolvedFilter } from '../database/org/OrgReadModel';
import { RecordsStore } from '../database/records/RecordsStore';
import {
  CapacityWrite,
  DatabaseCapacityStore,
} from '../database/staffing/CapacityStore';
import { checkAccountableAppointment } from '../domain/rasiRules';
import { RuleViolation } from '../domain/RuleViolation';
import { SignOffSeparation } from '../domain/stageRules';
import { readFilter, resolveFilter } from '../org/orgFilter';
import { OrgStructure } from '../org/OrgStructure';
import { audited } from '../service/auditing';
import { Caller } from '../service/Caller';
import { RecordsService } from '../service/RecordsService';
import { RasiImportRow } from '../service/records/rasi';
import {
  joinRefs,
  ReadRow,
  readWorkbook,
  splitRefs,
  writeWorkbook,
} from './workbook';

/** How the workbook and the capacity view count. */
export type StaffingSettings = {
  unit: CapacityUnit;
  /** With hours: the hours one supported component takes per quarter. */
  hoursPerComponent: number;
  /** The largest workbook an upload may be. */
  maxUploadBytes: number;
  /** The most rows a sheet may have. */
  maxRows: number;
};

export const defaultStaffingSettings: StaffingSettings = {
  unit: 'components',
  hoursPerComponent: 40,
  maxUploadBytes: 5 * 1024 * 1024,
  maxRows: 5000,
};

const ROLES: RasiRole[] = [
  'responsible',
  'accountable',
  'supportive',
  'informed',
];
const ROLE_COLUMN: Record<RasiRole, string> = {
  responsible: 'Responsible',
  accountable: 'Accountable',
  supportive: 'Supportive',
  informed: 'Informed',
};
const QUARTER = /^\d{4}-Q[1-4]$/;

/** The quarter a day falls in. */
export function quarterOf(d: Date): Quarter {
  return `${d.getUTCFullYear()}-Q${
    Math.floor(d.getUTCMonth() / 3) + 1
  }` as Quarter;
}

type Scope = {
  actor: string;
  /** The whole organisation: partners with a capacity are shown too. */
  wholeOrg: boolean;
  isSecurityLead: boolean;
  filter: OrgFilter;
  /** The scope's components, sorted by ref, lower-cased. */
  components: string[];
};

/** A row of the plan: an assignment as the workbook wants it. */
type PlannedRow = RasiImportRow & { changed: boolean };

type Plan = {
  preview: StaffingPreview;
  rows: Map<string, PlannedRow[]>;
  capacity: CapacityWrite[];
};

function refsOf(a: RasiAssignment | undefined, role: RasiRole) {
  if (!a) return [];
  return role === 'accountable' ? [a.accountable] : a[role];
}

/**
 * The staffing, capacity and RASI workbook and the capacity view. Exports
 * the RASI of a scope (the org page's filters) for security leads, and of
 * their own components for owners; previews an uploaded workbook without
 * writing anything; applies it through the records service (the same checks,
 * versions, audit, history and notifications as one edit), all or nothing
 * per component.
 */
export class StaffingService {
  constructor(
    private readonly deps: {
      orgAccess: Pick<OrgAccess, 'reader'>;
      access: Pick<EntityAccessPolicy, 'forEdit' | 'ownedComponents'>;
      orgSource: { get(): Promise<OrgStructure> };
      readModel: Pick<OrgReadModel, 'components' | 'rasiAssignments'>;
      recordsStore: Pick<RecordsStore, 'readRecords'>;
      records: Pick<RecordsService, 'importRasiAssignments'>;
      capacity: DatabaseCapacityStore;
      catalog: CatalogService;
      auditor: AuditorService;
      workflow: WorkflowConfig;
      settings?: Partial<StaffingSettings>;
      clock?: () => Date;
      /** As the records service checks it; strict when not given. */
      signOffSeparation?: SignOffSeparation;
    },
  ) {}

  get settings(): StaffingSettings {
    return { ...defaultStaffingSettings, ...this.deps.settings };
  }

  private now() {
    return this.deps.clock?.() ?? new Date();
  }

  /**
   * The components a workbook covers: for security leads the filtered
   * organisation; for anyone else the filtered components they own (and a
   * refusal if they own none).
   */
  private async scope(caller: Caller, query: OrgFilter): Promise<Scope> {
    const reader = await this.deps.orgAccess.reader(caller.credentials);
    const org = await this.deps.orgSource.get();
    const filter = readFilter(query);
    const resolved = resolveFilter(filter, org);
    let components = await this.allComponents(resolved);
    if (!reader.isSecurityLead) {
      const { entities } = await this.deps.access.ownedComponents(
        caller.credentials,
      );
      const owned = new Set(
        entities.map(e => normalizeEntityRef(stringifyEntityRef(e))),
      );
      if (owned.size === 0) {
        throw new NotAllowedError(
          `The staffing workbook is for security leads (members of ${
            reader.securityLeadGroups.join(', ') || 'no configured group'
          }) and for the owners of components; you own none`,
        );
      }
      components = components.filter(ref => owned.has(ref));
    }
    return {
      actor: reader.actor,
      wholeOrg: reader.isSecurityLead && Object.keys(filter).length === 0,
      isSecurityLead: reader.isSecurityLead,
      filter,
      components,
    };
  }

  private async allComponents(resolved: ResolvedFilter) {
    const refs: string[] = [];
    for (let offset = 0; ; offset += 500) {
      const { rows, totalCount } = await this.deps.readModel.components(
        resolved,
        { sort: 'name', order: 'asc', limit: 500, offset },
      );
      refs.push(...rows.map(r => normalizeEntityRef(r.entityRef)));
      if (rows.length === 0 || offset + 500 >= totalCount) break;
    }
    return [...new Set(refs)].sort();
  }

  /** Each component's assignments by activity. */
  private async rasiOf(components: string[]) {
    const stored = await this.deps.recordsStore.readRecords(components);
    const out = new Map<string, Map<string, RasiAssignment>>();
    for (const ref of components) {
      const rasi = stored.get(ref)?.rasi ?? [];
      out.set(ref, new Map(rasi.map(a => [a.activityId, a])));
    }
    return out;
  }

  /** The user's first group, or the group itself; one catalog lookup. */
  private async teams(credentials: BackstageCredentials, refs: string[]) {
    const teams = new Map<string, string | null>();
    if (refs.length === 0) return teams;
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      {
        entityRefs: refs,
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'relations',
          'spec.memberOf',
        ],
      },
      { credentials },
    );
    refs.forEach((ref, i) => {
      const e = items[i];
      if (!e) return teams.set(ref, null);
      if (e.kind.toLocaleLowerCase('en-US') === 'group') {
        return teams.set(ref, ref);
      }
      const group =
        e.relations?.find(r => r.type === RELATION_MEMBER_OF)?.targetRef ??
        (e.spec?.memberOf as string[] | undefined)?.[0];
      return teams.set(
        ref,
        group
          ? normalizeEntityRef(
              group.includes(':') ? group : `group:default/${group}`,
            )
          : null,
      );
    });
    return teams;
  }

  /**
   * The capacity view: every partner of the scope (and, for the whole
   * organisation, every partner with a capacity), their load org-wide
   * against their capacity in the quarter. `planned` replaces some
   * components' assignments and some capacities (a previewed import).
   */
  private async view(
    caller: Caller,
    scope: Scope,
    quarter: Quarter,
    planned?: {
      rasi: Map<string, Map<string, RasiAssignment>>;
      capacity: CapacityWrite[];
    },
  ): Promise<CapacityView> {
    const { unit, hoursPerComponent } = this.settings;
    const all = await this.deps.readModel.rasiAssignments({});
    const supported = new Map<string, Set<string>>();
    const add = (partner: string, component: string) => {
      const key = normalizeEntityRef(partner);
      const set = supported.get(key) ?? new Set<string>();
      set.add(component);
      supported.set(key, set);
    };
    for (const a of all.supportive) {
      const component = normalizeEntityRef(a.entityRef);
      if (planned?.rasi.has(component)) continue;
      for (const ref of a.refs) add(ref, component);
    }
    const rasi = await this.rasiOf(scope.components);
    for (const [component, assignments] of planned?.rasi ?? []) {
      rasi.set(component, assignments);
      for (const a of assignments.values()) {
        for (const ref of a.supportive) add(ref, component);
      }
    }
    const stored = await this.deps.capacity.list([quarter]);
    const capacity = new Map(stored.map(c => [c.partnerRef, c]));
    for (const w of planned?.capacity ?? []) {
      if (w.quarter !== quarter) continue;
      capacity.set(w.partnerRef, { ...w, version: w.version });
    }
    const inScope = new Set(scope.components);
    const partners = new Set<string>();
    for (const [partner, comps] of supported) {
      if ([...comps].some(c => inScope.has(c))) partners.add(partner);
    }
    if (scope.wholeOrg) for (const ref of capacity.keys()) partners.add(ref);
    const sorted = [...partners].sort();
    const teams = await this.teams(caller.credentials, sorted);
    const rows: CapacityPartner[] = sorted.map(ref => {
      const comps = supported.get(ref) ?? new Set<string>();
      const load =
        unit === 'hours' ? comps.size * hoursPerComponent : comps.size;
      const cap = capacity.get(ref);
      const utilisation =
        cap && cap.capacity > 0
          ? Math.round((load / cap.capacity) * 1000) / 1000
          : null;
      return {
        ref,
        team: teams.get(ref) ?? null,
        capacity: cap ? cap.capacity : null,
        capacityVersion: cap
          ? stored.find(c => c.partnerRef === ref)?.version ?? 0
          : 0,
        load,
        components: [...comps].filter(c => inScope.has(c)).length,
        utilisation,
        overAllocated: cap ? load > cap.capacity : false,
      };
    });
    rows.sort(
      (a, b) =>
        (b.utilisation ?? -1) - (a.utilisation ?? -1) ||
        a.ref.localeCompare(b.ref),
    );
    const withoutPartner: string[] = [];
    const withoutAccountable: CapacityView['withoutAccountable'] = [];
    for (const component of scope.components) {
      const assignments = rasi.get(component) ?? new Map();
      if (![...assignments.values()].some(a => a.supportive.length > 0)) {
        withoutPartner.push(component);
      }
      const missing = this.deps.workflow.rasiActivities
        .filter(a => !assignments.get(a.id)?.accountable)
        .map(a => a.id);
      if (missing.length > 0) {
        withoutAccountable.push({ entityRef: component, activityIds: missing });
      }
    }
    return {
      quarter,
      unit,
      hoursPerComponent,
      partners: rows,
      withoutPartner,
      withoutAccountable,
      components: scope.components.length,
    };
  }

  /** The org page's capacity view of a scope in a quarter. */
  async capacityView(
    caller: Caller,
    query: OrgFilter,
    quarter?: Quarter,
  ): Promise<CapacityView> {
    const scope = await this.scope(caller, query);
    return this.view(caller, scope, quarter ?? quarterOf(this.now()));
  }

  /** A security lead sets one partner's capacity in a quarter. */
  async setCapacity(
    caller: Caller,
    input: CapacityInput,
  ): Promise<CapacityPartner> {
    const reader = await this.deps.orgAccess.reader(caller.credentials);
    const partnerRef = normalizeEntityRef(input.partnerRef);
    return audited(
      this.deps.auditor,
      caller,
      {
        actionType: 'capacity-update',
        meta: { partnerRef, quarter: input.quarter },
      },
      async () => {
        if (!reader.isSecurityLead) {
          throw new NotAllowedError(
            `Only security leads (members of ${reader.securityLeadGroups.join(
              ', ',
            )}) set partners' capacity`,
          );
        }
        await this.checkPeople(caller.credentials, [partnerRef], 'partnerRef');
        await this.deps.capacity.save(
          [{ ...input, partnerRef }],
          reader.actor,
          this.now(),
        );
        const view = await this.view(
          caller,
          {
            actor: reader.actor,
            wholeOrg: true,
            isSecurityLead: true,
            filter: {},
            components: [],
          },
          input.quarter,
        );
        return (
          view.partners.find(p => p.ref === partnerRef) ?? {
            ref: partnerRef,
            team: null,
            capacity: input.capacity,
            capacityVersion: input.version + 1,
            load: 0,
            components: 0,
            utilisation: 0,
            overAllocated: false,
          }
        );
      },
    );
  }

  private async checkPeople(
    credentials: BackstageCredentials,
    refs: string[],
    field: string,
  ) {
    const unknown = await this.unknownPeople(credentials, refs);
    if (unknown.size > 0) {
      throw new InputError(
        `${field}: not a user or group in the catalog: ${[...unknown].join(
          ', ',
        )}`,
      );
    }
  }

  /** The refs that name no User or Group the caller can read (one lookup). */
  private async unknownPeople(
    credentials: BackstageCredentials,
    refs: string[],
  ) {
    const unique = [...new Set(refs)];
    const unknown = new Set<string>();
    if (unique.length === 0) return unknown;
    const { items } = await this.deps.catalog.getEntitiesByRefs(
      {
        entityRefs: unique,
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
      },
      { credentials },
    );
    unique.forEach((ref, i) => {
      if (!items[i]) unknown.add(ref);
    });
    return unknown;
  }

  /** The workbook of a scope: About, RASI, Staffing and Coverage sheets. */
  async exportWorkbook(
    caller: Caller,
    query: OrgFilter,
    quarter?: Quarter,
  ): Promise<{ filename: string; body: Buffer }> {
    const scope = await this.scope(caller, query);
    const q = quarter ?? quarterOf(this.now());
    return audited(
      this.deps.auditor,
      caller,
      {
        eventId: 'staffing-workbook-export',
        actionType: 'export',
        meta: { quarter: q, filter: scope.filter },
      },
      async () => {
        const rasi = await this.rasiOf(scope.components);
        const view = await this.view(caller, scope, q);
        const { workflow } = this.deps;
        const rasiRows = scope.components.flatMap(component =>
          workflow.rasiActivities.map(activity => {
            const a = rasi.get(component)?.get(activity.id);
            return [
              component,
              activity.id,
              activity.title,
              joinRefs(a?.responsible ?? []),
              a?.accountable ?? '',
              joinRefs(a?.supportive ?? []),
              joinRefs(a?.informed ?? []),
              a?.version ?? 0,
            ];
          }),
        );
        const staffingRows = view.partners.map(p => [
          p.ref,
          p.team ?? '',
          q,
          p.capacity,
          view.unit,
          p.load,
          p.utilisation,
          p.capacityVersion,
        ]);
        const coverageRows = [
          ...view.withoutAccountable.flatMap(c =>
            c.activityIds.map(id => [c.entityRef, id, 'No Accountable']),
          ),
          ...view.withoutPartner.map(ref => [ref, '', 'No Supportive partner']),
        ];
        const label = Object.values(scope.filter).join('-') || 'organisation';
        const body = await writeWorkbook(
          [
            [
              'Scope',
              Object.entries(scope.filter)
                .map(([k, v]) => `${k}: ${v}`)
                .join('; ') ||
                (scope.isSecurityLead
                  ? 'the whole organisation'
                  : 'your components'),
            ],
            ['Quarter', q],
            [
              'Capacity unit',
              view.unit === 'hours'
                ? `hours (${view.hoursPerComponent} per supported component)`
                : 'components',
            ],
            ['Exported by', scope.actor],
            ['Exported at', this.now().toISOString()],
            [
              'Round trip',
              'Edit the RASI and Staffing sheets and import the file on the org page: you see a preview of every change before anything is written. Keep the Version columns as exported. Separate several people with commas.',
            ],
          ],
          [
            {
              name: 'RASI',
              columns: STAFFING_WORKBOOK_LAYOUT.RASI,
              rows: rasiRows,
            },
            {
              name: 'Staffing',
              columns: STAFFING_WORKBOOK_LAYOUT.Staffing,
              rows: staffingRows,
            },
            {
              name: 'Coverage',
              columns: STAFFING_WORKBOOK_LAYOUT.Coverage,
              rows: coverageRows,
            },
          ],
        );
        return {
          filename: `staffing-${label
            .replace(/[^A-Za-z0-9._-]+/g, '_')
            .slice(0, 80)}-${q}.xlsx`,
          body,
        };
      },
      () => ({ requestedBy: scope.actor }),
    );
  }

  /** The dry run of an uploaded workbook: nothing is written. */
  async preview(
    caller: Caller,
    body: Buffer,
    workbook: string,
    quarter?: Quarter,
  ): Promise<StaffingPreview> {
    return (await this.plan(caller, body, workbook, quarter)).preview;
  }

  private async plan(
    caller: Caller,
    body: Buffer,
    workbook: string,
    quarter?: Quarter,
  ): Promise<Plan> {
    const reader = await this.deps.orgAccess.reader(caller.credentials);
    const sheet = await readWorkbook(body, { maxRows: this.settings.maxRows });
    const { credentials } = caller;
    const problems: StaffingProblem[] = [...sheet.problems];
    const problem = (
      p: Omit<StaffingProblem, 'kind'> & { kind?: StaffingProblem['kind'] },
    ) => problems.push({ kind: 'invalid', ...p });
    const activities = new Map(
      this.deps.workflow.rasiActivities.map(a => [a.id, a]),
    );

    // People: every ref of both sheets, parsed here, looked up in one batch.
    const people = (
      text: string,
      at: { sheet: string; row: number; column: string; entityRef?: string },
    ) =>
      splitRefs(text).flatMap(raw => {
        try {
          const parsed = parseEntityRef(raw, {
            defaultKind: 'user',
            defaultNamespace: 'default',
          });
          const kind = parsed.kind.toLocaleLowerCase('en-US');
          if (kind !== 'user' && kind !== 'group') {
            problem({
              ...at,
              kind: 'unknown-ref',
              message: `'${raw}' is not a user or group`,
            });
            return [];
          }
          return [normalizeEntityRef(stringifyEntityRef(parsed))];
        } catch {
          problem({
            ...at,
            kind: 'unknown-ref',
            message: `'${raw}' is not an entity ref`,
          });
          return [];
        }
      });

    // RASI rows by component.
    type Row = {
      at: ReadRow;
      activityId: string;
      version: number;
      roles: Record<RasiRole, string[]>;
    };
    const byComponent = new Map<string, Row[]>();
    const componentRow = new Map<string, number>();
    const seen = new Set<string>();
    for (const r of sheet.rasi) {
      const at = { sheet: 'RASI', row: r.row };
      let component: string;
      try {
        component = normalizeEntityRef(
          stringifyEntityRef(
            parseEntityRef(r.cells.Component, {
              defaultKind: 'component',
              defaultNamespace: 'default',
            }),
          ),
        );
      } catch {
        problem({
          ...at,
          column: 'Component',
          kind: 'unknown-component',
          message: `'${r.cells.Component}' is not a component ref`,
        });
        continue;
      }
      const where = { ...at, entityRef: component };
      if (!componentRow.has(component)) componentRow.set(component, r.row);
      const rows = byComponent.get(component) ?? [];
      byComponent.set(component, rows);
      const activityId = r.cells['Activity ID'];
      if (!activities.has(activityId)) {
        problem({
          ...where,
          column: 'Activity ID',
          kind: 'unknown-activity',
          message: `The workflow has no RASI activity '${activityId}'; it has ${[
            ...activities.keys(),
          ].join(', ')}`,
        });
        continue;
      }
      if (seen.has(`${component} ${activityId}`)) {
        problem({
          ...where,
          column: 'Activity ID',
          message: `${component} has '${activityId}' on more than one row`,
        });
        continue;
      }
      seen.add(`${component} ${activityId}`);
      const versionText = r.cells.Version || '0';
      const version = Number(versionText);
      if (!/^\d{1,9}$/.test(versionText)) {
        problem({
          ...where,
          column: 'Version',
          message: `Version '${versionText}' is not a whole number; keep the version exported`,
        });
        continue;
      }
      const roles = {} as Record<RasiRole, string[]>;
      for (const role of ROLES) {
        roles[role] = [
          ...new Set(
            people(r.cells[ROLE_COLUMN[role]] ?? '', {
              ...where,
              column: ROLE_COLUMN[role],
            }),
          ),
        ];
      }
      if (roles.accountable.length > 1) {
        problem({
          ...where,
          column: 'Accountable',
          kind: 'accountable',
          message: `${
            roles.accountable.length
          } Accountables (${roles.accountable.join(
            ', ',
          )}) for '${activityId}'; exactly one person or group is Accountable`,
        });
      }
      rows.push({ at: r, activityId, version, roles });
    }

    // Capacity rows.
    type CapRow = {
      at: ReadRow;
      partnerRef: string;
      quarter: Quarter;
      capacity: number;
      version: number;
    };
    const capRows: CapRow[] = [];
    const capSeen = new Set<string>();
    for (const r of sheet.staffing) {
      const at = { sheet: 'Staffing', row: r.row };
      const capText = r.cells.Capacity;
      if (!capText) continue; // no capacity given: nothing to set
      const [partnerRef] = people(r.cells.Partner, {
        ...at,
        column: 'Partner',
      });
      if (!partnerRef) {
        if (!r.cells.Partner)
          problem({ ...at, column: 'Partner', message: 'No partner named' });
        continue;
      }
      const q = r.cells.Quarter;
      if (!QUARTER.test(q)) {
        problem({
          ...at,
          column: 'Quarter',
          message: `Quarter '${q}' is not like 2026-Q4`,
        });
        continue;
      }
      const capacity = Number(capText);
      if (!Number.isFinite(capacity) || capacity < 0 || capacity > 100000) {
        problem({
          ...at,
          column: 'Capacity',
          message: `Capacity '${capText}' is not a number from 0 to 100000`,
        });
        continue;
      }
      const versionText = r.cells.Version || '0';
      if (!/^\d{1,9}$/.test(versionText)) {
        problem({
          ...at,
          column: 'Version',
          message: `Version '${versionText}' is not a whole number; keep the version exported`,
        });
        continue;
      }
      if (capSeen.has(`${partnerRef} ${q}`)) {
        problem({
          ...at,
          column: 'Partner',
          message: `${partnerRef} has ${q} on more than one row`,
        });
        continue;
      }
      capSeen.add(`${partnerRef} ${q}`);
      capRows.push({
        at: r,
        partnerRef,
        quarter: q as Quarter,
        capacity,
        version: Number(versionText),
      });
    }

    // One catalog lookup for every person named.
    const named = [
      ...[...byComponent.values()].flatMap(rows =>
        rows.flatMap(r => ROLES.flatMap(role => r.roles[role])),
      ),
      ...capRows.map(c => c.partnerRef),
    ];
    const unknown = await this.unknownPeople(credentials, named);
    for (const [component, rows] of byComponent) {
      for (const r of rows) {
        for (const role of ROLES) {
          const missing = r.roles[role].filter(ref => unknown.has(ref));
          if (missing.length > 0) {
            problem({
              sheet: 'RASI',
              row: r.at.row,
              column: ROLE_COLUMN[role],
              entityRef: component,
              kind: 'unknown-ref',
              message: `Not a user or group in the catalog: ${missing.join(
                ', ',
              )}`,
            });
          }
        }
      }
    }

    // Components: may the caller change each, and what would change.
    const refs = [...byComponent.keys()];
    const allowed = new Map<
      string,
      { isSecurityLead: boolean; ownershipRefs: string[]; actor: string }
    >();
    await Promise.all(
      refs.map(async ref => {
        const parsed = parseEntityRef(ref);
        try {
          const access = await this.deps.access.forEdit(credentials, {
            kind: parsed.kind,
            namespace: parsed.namespace,
            name: parsed.name,
          });
          allowed.set(ref, access);
        } catch (error) {
          const name = (error as Error).name;
          problem({
            sheet: 'RASI',
            row: componentRow.get(ref)!,
            column: 'Component',
            entityRef: ref,
            kind:
              name === 'NotFoundError' ? 'unknown-component' : 'not-allowed',
            message:
              name === 'NotFoundError'
                ? `${ref} is not in the catalog`
                : `You may not change ${ref}'s RASI: only its owners and security leads may`,
          });
        }
      }),
    );
    const stored = await this.rasiOf(refs.filter(r => allowed.has(r)));
    const plannedRows = new Map<string, PlannedRow[]>();
    const plannedRasi = new Map<string, Map<string, RasiAssignment>>();
    const components: StaffingComponentPreview[] = [];
    for (const [component, rows] of byComponent) {
      const access = allowed.get(component);
      const current =
        stored.get(component) ?? new Map<string, RasiAssignment>();
      const changes: StaffingAssignmentChange[] = [];
      const planned: PlannedRow[] = [];
      if (access) {
        for (const r of rows) {
          const before = current.get(r.activityId);
          const activity = activities.get(r.activityId)!;
          const at = { sheet: 'RASI', row: r.at.row, entityRef: component };
          const empty = ROLES.every(role => r.roles[role].length === 0);
          if (!before && empty) continue; // still unassigned
          if ((before?.version ?? 0) !== r.version) {
            problem({
              ...at,
              column: 'Version',
              kind: 'conflict',
              message: before
                ? `${component}'s RASI for '${activity.title}' was changed by ${before.updatedBy} at ${before.updatedAt} since the export (now version ${before.version}, the workbook has ${r.version}); export again`
                : `${component}'s RASI for '${activity.title}' no longer exists at version ${r.version}; export again`,
            });
            continue;
          }
          const roles: RasiRoleChange[] = [];
          for (const role of ROLES) {
            const was = new Set(refsOf(before, role).map(normalizeEntityRef));
            const now = new Set(r.roles[role]);
            const added = [...now].filter(x => !was.has(x));
            const removed = [...was].filter(x => !now.has(x));
            if (added.length || removed.length)
              roles.push({ role, added, removed });
          }
          if (roles.length === 0) continue;
          if (r.roles.accountable.length !== 1) {
            if (r.roles.accountable.length === 0) {
              problem({
                ...at,
                column: 'Accountable',
                kind: 'accountable',
                message: `No Accountable for '${activity.title}'; exactly one person or group is Accountable`,
              });
            }
            continue;
          }
          try {
            checkAccountableAppointment({
              workflow: this.deps.workflow,
              activity,
              before: before?.accountable,
              accountable: r.roles.accountable[0],
              actor: access.actor,
              ownershipRefs: access.ownershipRefs,
              isSecurityLead: access.isSecurityLead,
              separation: this.deps.signOffSeparation,
            });
          } catch (error) {
            if (!(error instanceof RuleViolation)) throw error;
            problem({
              ...at,
              column: 'Accountable',
              kind: 'not-allowed',
              message: error.message,
            });
            continue;
          }
          changes.push({
            activityId: r.activityId,
            title: activity.title,
            kind: before ? 'changed' : 'added',
            version: r.version,
            roles,
          });
          planned.push({
            activityId: r.activityId,
            version: r.version,
            accountable: r.roles.accountable[0],
            responsible: r.roles.responsible,
            supportive: r.roles.supportive,
            informed: r.roles.informed,
            changed: true,
          });
        }
      }
      const mine = problems.filter(p => p.entityRef === component);
      let status: StaffingComponentPreview['status'] = 'unchanged';
      if (mine.length > 0) status = 'refused';
      else if (changes.length > 0) status = 'changes';
      components.push({
        entityRef: component,
        status,
        changes,
        problems: mine,
      });
      if (status === 'changes') {
        plannedRows.set(component, planned);
        const next = new Map(current);
        for (const p of planned) {
          next.set(p.activityId, {
            ...(current.get(p.activityId) ?? ({} as RasiAssignment)),
            ...p,
            activityId: p.activityId,
          });
        }
        plannedRasi.set(component, next);
      }
    }

    // Capacity: what differs, for security leads only.
    const storedCap = await this.deps.capacity.list(
      capRows.map(c => c.quarter),
    );
    const capOf = new Map(
      storedCap.map(c => [`${c.partnerRef} ${c.quarter}`, c]),
    );
    const capacity: CapacityChange[] = [];
    const writes: CapacityWrite[] = [];
    for (const c of capRows) {
      if (unknown.has(c.partnerRef)) {
        problem({
          sheet: 'Staffing',
          row: c.at.row,
          column: 'Partner',
          kind: 'unknown-ref',
          message: `Not a user or group in the catalog: ${c.partnerRef}`,
        });
        continue;
      }
      const before = capOf.get(`${c.partnerRef} ${c.quarter}`);
      if ((before?.version ?? 0) !== c.version) {
        problem({
          sheet: 'Staffing',
          row: c.at.row,
          column: 'Version',
          kind: 'conflict',
          message: `The capacity of ${c.partnerRef} in ${
            c.quarter
          } was changed since the export (now version ${
            before?.version ?? 0
          }, the workbook has ${c.version}); export again`,
        });
        continue;
      }
      if (before && before.capacity === c.capacity) continue;
      if (!reader.isSecurityLead) {
        problem({
          sheet: 'Staffing',
          row: c.at.row,
          column: 'Capacity',
          kind: 'not-allowed',
          message: `Only security leads set partners' capacity (${c.partnerRef}, ${c.quarter})`,
        });
        continue;
      }
      capacity.push({
        partnerRef: c.partnerRef,
        quarter: c.quarter,
        before: before?.capacity ?? null,
        after: c.capacity,
        version: c.version,
      });
      writes.push({
        partnerRef: c.partnerRef,
        quarter: c.quarter,
        capacity: c.capacity,
        version: c.version,
      });
    }

    // The capacity view of the workbook's components, now and after.
    const q = quarter ?? capRows[0]?.quarter ?? quarterOf(this.now());
    const scope: Scope = {
      actor: reader.actor,
      isSecurityLead: reader.isSecurityLead,
      wholeOrg: false,
      filter: {},
      components: refs.filter(r => allowed.has(r)).sort(),
    };
    const [before, after] = await Promise.all([
      this.view(caller, scope, q as Quarter),
      this.view(caller, scope, q as Quarter, {
        rasi: plannedRasi,
        capacity: writes,
      }),
    ]);
    problems.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row);
    components.sort((a, b) => a.entityRef.localeCompare(b.entityRef));
    const preview: StaffingPreview = {
      workbook,
      components,
      capacity,
      problems,
      summary: {
        components: components.length,
        componentsChanged: components.filter(c => c.status === 'changes')
          .length,
        componentsRefused: components.filter(c => c.status === 'refused')
          .length,
        assignmentChanges: components.reduce(
          (n, c) => n + (c.status === 'changes' ? c.changes.length : 0),
          0,
        ),
        capacityChanges: capacity.length,
        problems: problems.length,
      },
      before,
      after,
    };
    return { preview, rows: plannedRows, capacity: writes };
  }

  /**
   * Applies an uploaded workbook: the same plan as its preview, each
   * component's changes through the records service in one transaction (a
   * component with a problem, or changed since, is not written), then the
   * capacities in one transaction. Audited as one import.
   */
  async apply(
    caller: Caller,
    body: Buffer,
    workbook: string,
    quarter?: Quarter,
  ): Promise<StaffingApplyResult> {
    const plan = await this.plan(caller, body, workbook, quarter);
    return audited(
      this.deps.auditor,
      caller,
      {
        eventId: 'staffing-workbook-import',
        actionType: 'rasi-import',
        meta: {
          workbook,
          components: plan.rows.size,
          capacity: plan.capacity.length,
        },
      },
      async () => {
        const applied: StaffingApplyResult['applied'] = [];
        const refused: StaffingApplyResult['refused'] = plan.preview.components
          .filter(c => c.status === 'refused')
          .map(c => ({
            entityRef: c.entityRef,
            reason: c.problems.map(p => p.message).join('; '),
          }));
        for (const [entityRef, rows] of plan.rows) {
          const parsed = parseEntityRef(entityRef);
          try {
            await this.deps.records.importRasiAssignments(
              caller,
              {
                kind: parsed.kind,
                namespace: parsed.namespace,
                name: parsed.name,
              },
              { workbook, rows: rows.map(({ changed: _, ...r }) => r) },
            );
            applied.push({ entityRef, assignments: rows.length });
          } catch (error) {
            refused.push({ entityRef, reason: (error as Error).message });
          }
        }
        let capacity: CapacityChange[] = [];
        if (plan.capacity.length > 0) {
          const reader = await this.deps.orgAccess.reader(caller.credentials);
          try {
            await this.deps.capacity.save(
              plan.capacity,
              reader.actor,
              this.now(),
            );
            capacity = plan.preview.capacity;
          } catch (error) {
            refused.push({
              entityRef: 'Staffing sheet',
              reason: (error as Error).message,
            });
          }
        }
        return { workbook, applied, refused, capacity, preview: plan.preview };
      },
      result => ({
        applied: result.applied.length,
        refused: result.refused.length,
        capacity: result.capacity.length,
      }),
    );
  }
}

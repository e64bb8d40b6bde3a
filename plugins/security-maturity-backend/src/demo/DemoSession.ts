import {
  ContainmentAction,
  IntakeAnswers,
  ReleaseEvidence,
  SammAnswerValue,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { EntityPath } from '../access/AccessControl';
import { ExceptionAction } from '../domain/exceptionLifecycle';
import { RecordsService } from '../service/RecordsService';
import { demoPersona } from './DemoAccess';

const wiki = (component: string, what: string) =>
  `https://wiki.northwind.example/security/${component}/${what}`;

/**
 * What one person does to one component in the demo story, through the
 * records service (the same rules, history and audit as a person in the
 * tab). Versions are read first, as the tab does. Records created earlier
 * in the story (exceptions, worksheets, releases) are found by a key.
 */
export class DemoSession {
  private readonly caller;
  private readonly path: EntityPath;

  constructor(
    private readonly records: RecordsService,
    private readonly workflow: WorkflowConfig,
    private readonly ids: Map<string, string>,
    readonly component: string,
    actor: string,
  ) {
    this.caller = { credentials: demoPersona(actor), demo: true };
    this.path = { kind: 'component', namespace: 'default', name: component };
  }

  private current() {
    return this.records.getEntityRecord(this.caller, this.path);
  }

  /** The version of a listed record as the tab would have read it. */
  private async versionOf(
    list: 'exceptions' | 'worksheets' | 'releases',
    id: string,
  ) {
    const items: Array<{ id: string; version: number }> = (
      await this.current()
    )[list];
    return items.find(item => item.id === id)!.version;
  }

  private id(key: string) {
    const id = this.ids.get(`${this.component}/${key}`);
    if (!id) throw new Error(`Demo story: no ${key} on ${this.component}`);
    return id;
  }

  stageId(index: number) {
    return this.workflow.stages[index].id;
  }

  async intake(answers: Omit<IntakeAnswers, 'notes'>) {
    const version = (await this.current()).intake?.version ?? 0;
    await this.records.putIntake(this.caller, this.path, {
      ...answers,
      notes: 'Demo data',
      version,
    });
  }

  /** Works on a stage: all exit criteria done and passed, or the first done. */
  async stage(index: number, status: 'passed' | 'in_progress' | 'blocked') {
    const stage = this.workflow.stages[index];
    const record = await this.current();
    const stored = record.stages.find(s => s.stageId === stage.id);
    await this.records.putStage(this.caller, this.path, stage.id, {
      version: stored?.version ?? 0,
      status,
      checklist: stage.exitCriteria.map((c, i) => {
        const done = status === 'passed' || i === 0;
        return {
          criterionId: c.id,
          done,
          evidence: done
            ? [
                {
                  title: c.title,
                  url: wiki(this.component, `${stage.id}/${c.id}`),
                },
              ]
            : [],
        };
      }),
      notes: status === 'blocked' ? 'Waiting on the platform team' : undefined,
    });
  }

  async signOff(index: number) {
    const stage = this.workflow.stages[index];
    const stored = (await this.current()).stages.find(
      s => s.stageId === stage.id,
    );
    await this.records.signOffStage(this.caller, this.path, stage.id, {
      version: stored?.version ?? 0,
    });
  }

  async rasi(
    activityIds: string[],
    people: { accountable: string; responsible: string[] },
  ) {
    const record = await this.current();
    for (const activityId of activityIds) {
      const stored = record.rasi.find(r => r.activityId === activityId);
      await this.records.putRasiAssignment(this.caller, this.path, activityId, {
        version: stored?.version ?? 0,
        accountable: people.accountable,
        responsible: people.responsible,
        supportive: ['user:default/priya.nair'],
        informed: ['group:default/security-leads'],
      });
    }
  }

  async attest(activityId: string, value: number) {
    const stored = (await this.current()).assessment.find(
      a => a.activityId === activityId,
    );
    await this.records.putAssessmentAnswer(this.caller, this.path, activityId, {
      version: stored?.version ?? 0,
      value,
      notes: 'Demo data',
    });
  }

  /**
   * Plans a phase of the component's roadmap, each item due some days after
   * `now` (the story's day).
   */
  async roadmapPhase(
    phase: number,
    name: string,
    now: Date,
    items: Array<{
      activityId: string;
      plannedAnswer: SammAnswerValue;
      dueInDays: number;
      ownerRef?: string;
    }>,
  ) {
    await this.records.putRoadmapPhase(this.caller, this.path, phase, {
      version: 0,
      name,
      items: items.map(({ dueInDays, ...item }) => ({
        ...item,
        dueOn: new Date(now.getTime() + dueInDays * 86_400_000)
          .toISOString()
          .slice(0, 10),
      })),
    });
  }

  async requestException(
    key: string,
    request: {
      controlId: string;
      riskRating: 'low' | 'medium' | 'high';
      expiresInDays: number;
      now: Date;
    },
  ) {
    const created = await this.records.requestException(
      this.caller,
      this.path,
      {
        controlId: request.controlId,
        justification: 'Legacy agent needs it until the next platform rebuild',
        compensatingControls:
          'Dedicated node pool, seccomp profile, egress deny-all',
        riskRating: request.riskRating,
        expiresAt: new Date(
          request.now.getTime() + request.expiresInDays * 86_400_000,
        ).toISOString(),
      },
    );
    this.ids.set(`${this.component}/${key}`, created.id);
  }

  async decideException(key: string, action: ExceptionAction, note?: string) {
    const id = this.id(key);
    await this.records.transitionException(this.caller, this.path, id, {
      version: await this.versionOf('exceptions', id),
      action,
      note,
    });
  }

  async worksheet(
    key: string,
    kind: 'incident' | 'drill',
    title: string,
    story: {
      timeline: string[];
      findings: string[];
      containedAfterHours?: number;
      close: boolean;
      owners?: Partial<Record<ContainmentAction, string>>;
    },
  ) {
    const started = await this.records.startWorksheet(this.caller, this.path, {
      kind,
      title,
    });
    this.ids.set(`${this.component}/${key}`, started.id);
    const at = (hours: number) =>
      new Date(Date.parse(started.startedAt) + hours * 3_600_000).toISOString();
    await this.records.updateWorksheet(this.caller, this.path, started.id, {
      version: started.version,
      title,
      status: story.close ? 'closed' : 'open',
      readiness: {
        baselineControlsPresent: true,
        runtimeVisibility: true,
        containmentPathLastTested: started.startedAt.slice(0, 10),
      },
      containmentOwners: { ...started.containmentOwners, ...story.owners },
      timeline: [
        ...started.timeline,
        ...story.timeline.map((entry, i) => ({ at: at(i + 1), entry, by: '' })),
      ],
      actions: [{ description: 'Update the runbook', done: story.close }],
      findings: story.findings,
      containedAt:
        story.containedAfterHours === undefined
          ? undefined
          : at(story.containedAfterHours),
    });
  }

  async lesson(key: string, lesson: string, reopensStage?: number) {
    const id = this.id(key);
    await this.records.addLesson(this.caller, this.path, id, {
      version: await this.versionOf('worksheets', id),
      lesson,
      reopensStageId:
        reopensStage === undefined ? undefined : this.stageId(reopensStage),
    });
  }

  async decision(
    trigger: string,
    decision: string,
    rationale: string,
    status: 'proposed' | 'accepted' | 'implemented',
    ownerRef: string,
  ) {
    await this.records.createDecision(this.caller, this.path, {
      trigger,
      decision,
      rationale,
      status,
      ownerRef,
      backlogUrl: wiki(this.component, 'backlog'),
    });
  }

  async release(
    name: string,
    evidence: Array<Omit<ReleaseEvidence, 'pushedBy' | 'pushedAt' | 'url'>>,
  ) {
    const created = await this.records.createRelease(this.caller, this.path, {
      release: name,
    });
    this.ids.set(`${this.component}/release-${name}`, created.id);
    for (const item of evidence) {
      await this.records.pushReleaseEvidence(
        this.caller,
        this.path,
        created.id,
        {
          ...item,
          url: `https://ci.northwind.example/${this.component}/${name}/${item.kind}`,
        },
      );
    }
  }

  /** What a pipeline pushes: a tool's file, with a link to its run. */
  async pushEvidence(format: string, document: object, link: string) {
    const text = JSON.stringify(document);
    await this.records.pushEntityEvidence(this.caller, this.path, {
      format,
      document: JSON.parse(text),
      raw: Buffer.from(text),
      link,
    });
  }

  async decideRelease(name: string, decision: 'go' | 'no_go', note: string) {
    const id = this.id(`release-${name}`);
    await this.records.decideRelease(this.caller, this.path, id, {
      version: await this.versionOf('releases', id),
      decision,
      note,
    });
  }

  async materialChange(
    kind: 'new-integration' | 'auth-change' | 'new-sensitive-data',
    description: string,
  ) {
    await this.records.recordMaterialChange(this.caller, this.path, {
      kind,
      description,
    });
  }
}

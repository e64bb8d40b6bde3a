import {
  answer,
  clearedGate,
  criterion,
  dayOf,
  daysSince,
  evidenceOf,
  isCleared,
  olderThanFrom,
  SammRule,
  stage,
} from './helpers';

const CONTAINMENT = [
  'incident-isolate',
  'incident-revoke',
  'incident-freeze',
  'incident-recover',
];

/** Operations: incident, environment and operational management. */
export const operationsRules: SammRule[] = [
  {
    activityId: 'O-IM-1-A',
    why: 'Launch exits with monitoring active; worksheets record whether runtime visibility existed.',
    evaluate: ({ records }) => {
      const launch = stage(records, 'launch');
      const monitoring = criterion(launch, 'monitoring-active');
      const latest = records.worksheets[0];
      if (monitoring?.done)
        return answer(
          1,
          'Security monitoring is active since launch.',
          evidenceOf(monitoring),
        );
      if (latest) {
        return latest.readiness.runtimeVisibility
          ? answer(1, `Runtime visibility was in place for "${latest.title}".`)
          : answer(0, `"${latest.title}" found no runtime visibility.`);
      }
      return launch
        ? answer(0, 'Monitoring is not confirmed active.')
        : undefined;
    },
  },
  {
    activityId: 'O-IM-1-B',
    why: 'Containment owners who may isolate, revoke, freeze and recover, set in RASI.',
    evaluate: ({ records: { rasi } }) => {
      const owned = CONTAINMENT.filter(id =>
        rasi.some(a => a.activityId === id),
      );
      const missing = CONTAINMENT.filter(id => !owned.includes(id)).map(id =>
        id.replace('incident-', ''),
      );
      let value = 0;
      if (owned.length === 4) value = 1;
      else if (owned.length >= 2) value = 0.5;
      else if (owned.length === 1) value = 0.25;
      return answer(
        value,
        missing.length
          ? `Containment owners set for ${
              owned.length
            } of 4 actions; missing: ${missing.join(', ')}.`
          : 'Containment owners set for isolate, revoke, freeze and recover.',
      );
    },
  },
  {
    activityId: 'O-IM-2-B',
    why: 'Closed drill worksheets show the response plan exercised.',
    evaluate: ({ records: { worksheets }, now }) => {
      const drills = worksheets.filter(
        w => w.kind === 'drill' && w.status === 'closed' && w.closedAt,
      );
      if (drills.length === 0) {
        return worksheets.length
          ? answer(0.25, 'Worksheets exist, but no drill has been completed.')
          : undefined;
      }
      const closedAt = drills[0].closedAt!;
      return daysSince(closedAt, now) <= 365
        ? answer(
            1,
            `Last drill "${drills[0].title}" completed on ${dayOf(closedAt)}.`,
            [],
            olderThanFrom(closedAt, 365),
          )
        : answer(
            0.5,
            `Last drill completed on ${dayOf(closedAt)}; more than a year ago.`,
          );
    },
  },
  {
    activityId: 'O-IM-3-B',
    why: 'Lessons learned that re-open a stage feed runtime lessons into the next cycle.',
    evaluate: ({ records: { worksheets } }) => {
      const lessons = worksheets.flatMap(w => w.lessons);
      if (lessons.length === 0) return undefined;
      const fedBack = lessons.filter(l => l.reopensStageId).length;
      return fedBack
        ? answer(
            1,
            `${fedBack} of ${lessons.length} lessons re-opened a stage of the lifecycle.`,
          )
        : answer(
            0.5,
            `${lessons.length} lessons recorded, none fed back into a stage.`,
          );
    },
  },
  {
    activityId: 'O-EM-1-A',
    why: 'Worksheet readiness records whether the platform baseline controls were present.',
    evaluate: ({ records: { worksheets } }) => {
      const latest = worksheets[0];
      if (!latest) return undefined;
      return latest.readiness.baselineControlsPresent
        ? answer(1, `Baseline controls were present for "${latest.title}".`)
        : answer(0, `Baseline controls were missing for "${latest.title}".`);
    },
  },
  {
    activityId: 'O-EM-3-A',
    why: 'Deviations from the baseline are approved, time-limited exceptions, none expired.',
    evaluate: ({ records: { exceptions } }) => {
      const approved = exceptions.filter(e => e.status === 'approved').length;
      const expired = exceptions.filter(e => e.status === 'expired').length;
      const pending = exceptions.filter(e => e.status === 'requested').length;
      if (approved + expired + pending === 0) return undefined;
      if (expired)
        return answer(
          0,
          `${expired} baseline exception(s) expired and still count against the component.`,
        );
      if (pending)
        return answer(
          0.5,
          `${pending} baseline deviation(s) await a decision.`,
        );
      return answer(
        1,
        `${approved} baseline deviation(s), all approved and current.`,
      );
    },
  },
  {
    activityId: 'O-OM-1-A',
    why: 'Intake records the data classification the component handles.',
    evaluate: ({ records: { intake } }) =>
      intake
        ? answer(
            1,
            `Handles ${intake.dataClassification} data (recorded at intake).`,
          )
        : undefined,
  },
  {
    activityId: 'O-OM-2-A',
    why: 'Launch & monitoring covers logging retention, monitoring and runbooks.',
    evaluate: ({ records }) => {
      const launch = stage(records, 'launch');
      if (!launch) return undefined;
      if (isCleared(launch)) return clearedGate(launch, 'Launch & monitoring');
      const done = launch.checklist.filter(c => c.done).length;
      return answer(
        done ? 0.25 : 0,
        `Launch & monitoring: ${done} of ${
          launch.checklist.length || 'its'
        } exit criteria done.`,
      );
    },
  },
];

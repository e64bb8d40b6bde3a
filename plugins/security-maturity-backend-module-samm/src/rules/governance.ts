import {
  answer,
  criterion,
  dayOf,
  daysSince,
  evidenceOf,
  isCleared,
  olderThanFrom,
  SammRule,
  stage,
} from './helpers';

/** Governance: strategy and metrics, policy and compliance, education. */
export const governanceRules: SammRule[] = [
  {
    activityId: 'G-SM-1-A',
    why: 'A risk tier with a target maturity states what security must achieve for this component.',
    evaluate: ({ records: { intake }, workflow }) => {
      if (!intake) return undefined;
      const tier = workflow.tiers.find(t => t.id === intake.tier);
      // A target that follows from a practice profile can be 16/15: two
      // decimals, as everywhere scores are shown.
      const target = Number(tier?.targetScore.toFixed(2));
      return tier
        ? answer(1, `${tier.title}: target overall score ${target}.`)
        : answer(0.5, `Tier ${intake.tier} has no configured target.`);
    },
  },
  {
    activityId: 'G-SM-1-B',
    why: 'The continuous-governance stage reviews controls and tracks debt on a schedule.',
    evaluate: ({ records, now }) => {
      const gov = stage(records, 'governance');
      if (!gov) return undefined;
      const age = daysSince(gov.updatedAt, now);
      const status = gov.status.replace('_', ' ');
      if (isCleared(gov) && age <= 90)
        return answer(
          1,
          `Governance review ${status} on ${dayOf(
            gov.updatedAt,
          )}, within the last 90 days.`,
          [],
          olderThanFrom(gov.updatedAt, 90),
        );
      if (isCleared(gov))
        return answer(
          0.5,
          `Last governance review on ${dayOf(
            gov.updatedAt,
          )}; more than a quarter ago.`,
        );
      return answer(
        0.25,
        `Governance review is ${gov.status.replace('_', ' ')}.`,
      );
    },
  },
  {
    activityId: 'G-PC-1-B',
    why: 'Intake records the regulatory obligations that apply.',
    evaluate: ({ records: { intake } }) => {
      if (!intake) return undefined;
      return answer(
        1,
        intake.regulatoryObligations.length
          ? `Obligations recorded at intake: ${intake.regulatoryObligations.join(
              ', ',
            )}.`
          : 'Intake recorded that no regulatory obligations apply.',
      );
    },
  },
  {
    activityId: 'G-PC-2-B',
    why: 'Implementation exits with control mappings documented: obligations mapped to controls.',
    evaluate: ({ records }) => {
      const impl = stage(records, 'implementation');
      if (!impl) return undefined;
      const mappings = criterion(impl, 'control-mappings');
      if (mappings?.done)
        return answer(
          mappings.evidence.length ? 1 : 0.5,
          mappings.evidence.length
            ? 'Control mappings documented and linked.'
            : 'Control mappings marked done, but not linked.',
          evidenceOf(mappings),
        );
      return answer(0, 'Control mappings are not documented yet.');
    },
  },
  {
    activityId: 'G-EG-1-B',
    why: 'A Supportive in RASI is the security champion or partner the team can turn to.',
    evaluate: ({ records: { rasi } }) => {
      if (rasi.length === 0) return undefined;
      const supported = rasi.filter(a => a.supportive.length > 0);
      return supported.length
        ? answer(
            1,
            `A security partner supports ${supported.length} of ${rasi.length} activities (${supported[0].supportive[0]}).`,
          )
        : answer(
            0,
            'RASI names no Supportive (security champion) for any activity.',
          );
    },
  },
];

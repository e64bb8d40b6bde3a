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
  shareToValue,
  stage,
} from './helpers';

/** Design: threat assessment, security requirements, secure architecture. */
export const designRules: SammRule[] = [
  {
    activityId: 'D-TA-1-A',
    why: 'Intake classifies the component and derives its risk tier: an application risk profile.',
    evaluate: ({ records: { intake } }) =>
      intake
        ? answer(
            1,
            `Risk tier ${
              intake.tier
            } from intake (${intake.tierReason.toLowerCase()}).`,
          )
        : undefined,
  },
  {
    activityId: 'D-TA-2-A',
    why: 'The tier comes from the configured rules, the same for every component; it must be current.',
    evaluate: ({ records: { intake }, now }) => {
      if (!intake) return undefined;
      const on = dayOf(intake.updatedAt);
      return daysSince(intake.updatedAt, now) <= 365
        ? answer(
            1,
            `Risk profile made with the shared tier rules, updated on ${on}.`,
            [],
            olderThanFrom(intake.updatedAt, 365),
          )
        : answer(
            0.5,
            `Risk profile made with the shared tier rules, but last updated on ${on}, more than a year ago.`,
          );
    },
  },
  {
    activityId: 'D-TA-1-B',
    why: 'The threat-modeling stage gate records whether threats were identified.',
    evaluate: ({ records }) => {
      const tm = stage(records, 'threat-modeling');
      if (!tm) return undefined;
      if (isCleared(tm)) return clearedGate(tm, 'Threat modeling');
      if (tm.status === 'in_progress')
        return answer(0.25, 'Threat modeling is in progress.');
      return answer(0, `Threat modeling is ${tm.status.replace('_', ' ')}.`);
    },
  },
  {
    activityId: 'D-TA-2-B',
    why: 'Threat-model output turned into decisions with owners and re-review triggers.',
    evaluate: ({ records: { decisions } }) => {
      if (decisions.length === 0) return undefined;
      const tracked = decisions.filter(
        d => d.ownerRef && (d.reReviewAt || d.reReviewTrigger),
      ).length;
      return answer(
        shareToValue(tracked / decisions.length),
        `${tracked} of ${decisions.length} threat-model decisions have an owner and a re-review trigger or date.`,
      );
    },
  },
  {
    activityId: 'D-TA-3-B',
    why: 'A material change re-opens threat modeling; a re-review closes it again.',
    evaluate: ({ records, now }) => {
      const tm = stage(records, 'threat-modeling');
      if (!tm) return undefined;
      if (tm.reopenedReason && !isCleared(tm)) {
        return answer(
          0.25,
          `Re-opened and not yet re-reviewed: ${tm.reopenedReason}`,
        );
      }
      if (isCleared(tm) && tm.signedOffAt) {
        const on = dayOf(tm.signedOffAt);
        return daysSince(tm.signedOffAt, now) <= 365
          ? answer(
              1,
              `Threat model signed off on ${on}${
                tm.reopenedReason ? ' after a material change' : ''
              }.`,
              [],
              olderThanFrom(tm.signedOffAt, 365),
            )
          : answer(
              0.5,
              `Threat model signed off on ${on}, more than a year ago; due for re-review.`,
            );
      }
      return undefined;
    },
  },
  {
    activityId: 'D-SR-1-A',
    why: 'Threat modeling & requirements exits with risks documented with mitigations.',
    evaluate: ({ records }) => {
      const tm = stage(records, 'threat-modeling');
      const risks = criterion(tm, 'risks-documented');
      if (!tm) return undefined;
      return risks?.done
        ? answer(
            1,
            'Risks are documented with mitigation strategies.',
            evidenceOf(risks),
          )
        : answer(0, 'Risks and mitigations are not documented yet.');
    },
  },
  {
    activityId: 'D-SR-2-A',
    why: 'A passed and signed-off requirements stage means requirements were derived and agreed.',
    evaluate: ({ records }) => {
      const tm = stage(records, 'threat-modeling');
      if (!tm) return undefined;
      if (isCleared(tm) && tm.signedOffBy)
        return answer(
          1,
          `Requirements stage ${tm.status.replace(
            '_',
            ' ',
          )} and signed off by ${tm.signedOffBy}.`,
        );
      if (isCleared(tm))
        return answer(0.5, 'Requirements stage passed but not signed off.');
      return answer(0, 'Requirements stage not passed yet.');
    },
  },
  {
    activityId: 'D-SA-1-A',
    why: 'An ADR/RFC with security trade-offs shows security principles applied in design.',
    evaluate: ({ records }) => {
      const design = stage(records, 'design');
      if (!design) return undefined;
      const adr = criterion(design, 'adr');
      return adr?.done
        ? answer(
            adr.evidence.length ? 1 : 0.5,
            adr.evidence.length
              ? 'ADR with security trade-offs linked.'
              : 'ADR marked done, but no link to it.',
            evidenceOf(adr),
          )
        : answer(0, 'No ADR with security trade-offs yet.');
    },
  },
  {
    activityId: 'D-SA-2-A',
    why: 'Control design (authn, authz, encryption, audit) approved at the design gate.',
    evaluate: ({ records }) => {
      const design = stage(records, 'design');
      if (!design) return undefined;
      const approved = criterion(design, 'controls-approved');
      if (approved?.done && design.signedOffBy)
        return answer(
          1,
          `Control design approved; gate signed off by ${design.signedOffBy}.`,
          evidenceOf(approved),
        );
      if (approved?.done)
        return answer(
          0.5,
          'Control design approved, gate not signed off.',
          evidenceOf(approved),
        );
      return answer(0, 'Control design not approved yet.');
    },
  },
];

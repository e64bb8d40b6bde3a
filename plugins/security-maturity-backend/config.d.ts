import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /**
   * Security maturity: the secure-SDLC workflow, tiers, baseline controls and
   * who the security leads are. Every list given here replaces its default
   * (the defaults follow the product's workflow documents); the backend stops
   * at start with a clear message when the lists contradict each other.
   */
  securityMaturity?: {
    /**
     * Catalog groups whose members are security leads: they approve exceptions,
     * sign off any gate and edit every component's records.
     * Defaults to ['group:default/security-leads']. A bare name means a group
     * in the default namespace.
     * @visibility backend
     */
    securityLeadGroups?: string[];

    /**
     * The stage gates, in order. Defaults to the seven stages intake,
     * threat-modeling, design, implementation, validation, launch, governance.
     * A 'threat-modeling' stage is required: material changes re-open it.
     * @visibility backend
     */
    stages?: Array<{
      /** Stable ID, e.g. threat-modeling. */
      id: string;
      title: string;
      /** What the team does in this stage. */
      activities?: string[];
      /** The checklist that must be complete to pass the gate. */
      exitCriteria: Array<{ id: string; title: string }>;
      /** The RASI activity whose Accountable signs off this gate. */
      signOffActivityId: string;
      /** The tiers for which this stage is required. */
      requiredForTiers: string[];
    }>;

    /**
     * Security activities that get a RASI assignment. Defaults to intake
     * classification, threat modeling, design review, secure implementation,
     * validation, release sign-off, exception approval, the four containment
     * actions (incident-isolate, incident-revoke, incident-freeze,
     * incident-recover, used as default containment owners of worksheets) and
     * periodic control review.
     * @visibility backend
     */
    rasiActivities?: Array<{ id: string; title: string }>;

    /**
     * Risk tiers with their SAMM targets. Defaults to 1 (target 2), 2
     * (target 1.5) and 3 (target 1), each with the default profile below.
     *
     * A tier's target profile is a target (0-3) per SAMM practice. By
     * default it follows the OWASP SAMM benchmark: each practice's benchmark
     * average times the one factor that makes the profile's overall score
     * (toolbox formula: practices, then function means, then their mean)
     * equal targetScore; a practice the factor would take above 3 is held at
     * 3 and the others make up the rest. For target 2: Threat Assessment
     * 1.15 x 30 / 21.71 = 1.59, Incident Management 1.81 x 30 / 21.71 = 2.50.
     * @visibility backend
     */
    tiers?: Array<{
      id: string;
      title: string;
      /**
       * The target overall SAMM score (0-3). With practiceTargets, the
       * practices it leaves out share what the targeted ones leave, in the
       * benchmark's proportions, so the overall stays targetScore. Optional
       * when practiceTargets targets all 15 practices: the overall target
       * then follows from them by the toolbox formula (given as well, it must
       * agree to two decimals).
       */
      targetScore?: number;
      /**
       * Targets (0-3) per SAMM practice ID (G-SM, G-PC, G-EG, D-TA, D-SR,
       * D-SA, I-SB, I-SD, I-DM, V-AA, V-RT, V-ST, O-IM, O-EM, O-OM), or per
       * stream as { A: 2, B: 1 } (the practice's target is then their mean,
       * and its gap the mean of the streams' gaps). An unknown practice, a
       * value outside 0-3 or targets that cannot give targetScore stop the
       * backend at start.
       */
      practiceTargets?: {
        [practiceId: string]: number | { A: number; B: number };
      };
    }>;

    /**
     * Intake rules, first match wins; the last rule must have no conditions.
     * Defaults: restricted data, regulated, or confidential and internet-exposed
     * gives tier 1; internet exposure, auth-flow changes, new integrations or
     * confidential data gives tier 2; anything else tier 3.
     * @visibility backend
     */
    tierRules?: Array<{
      tier: string;
      /** Shown with the tier, e.g. "Handles restricted data". */
      reason: string;
      when?: {
        dataClassificationIn?: string[];
        internetExposure?: boolean;
        newIntegrations?: boolean;
        authFlowChanges?: boolean;
        /** True when any regulatory obligation is recorded. */
        regulated?: boolean;
      };
    }>;

    /**
     * Data classifications, lowest first. Defaults to public, internal,
     * confidential, restricted. A rise re-opens threat modeling.
     * @visibility backend
     */
    dataClassifications?: string[];

    /**
     * Platform baseline controls that exceptions name. Defaults to Kubernetes
     * controls: run-as-non-root, network-policies, signed-images,
     * resource-limits, read-only-root-fs.
     * @visibility backend
     */
    baselineControls?: Array<{
      id: string;
      title: string;
      description?: string;
    }>;

    samm?: {
      /**
       * Path to the official OWASP SAMM model directory (the model/ folder of
       * the owaspsamm/core repository) to show the official question wording
       * (CC BY-SA 4.0). Without it the questionnaire uses our own wording.
       * @visibility backend
       */
      modelPath?: string;
      /**
       * Days after which an attested self-assessment answer stops counting and
       * must be answered again. Defaults to 365.
       * @visibility backend
       */
      attestedMaxAgeDays?: number;
    };

    scoring?: {
      /**
       * How often the whole catalog is rescored (records changes rescore their
       * entity at once). Runs once across all replicas. Defaults to every 6
       * hours, first one minute after start.
       * @visibility backend
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * Days of daily score snapshots to keep for trends. Defaults to 730.
       * @visibility backend
       */
      historyRetentionDays?: number;
    };

    /** The staffing, capacity and RASI workbook and the capacity view. */
    staffing?: {
      /**
       * What a security partner's capacity per quarter counts: the
       * components they support, or hours. Defaults to components.
       * @visibility frontend
       */
      capacityUnit?: 'components' | 'hours';
      /**
       * With hours: the hours one supported component takes per quarter
       * (a partner's load is their components times this). Defaults to 40.
       * @visibility backend
       */
      hoursPerComponent?: number;
      /**
       * The largest workbook an upload may be, in megabytes (413 above).
       * Defaults to 5.
       * @visibility backend
       */
      maxUploadMegabytes?: number;
    };

    /** Evidence from tools: files CI pushes, collectors' signals. */
    evidence?: {
      /**
       * The largest file CI may push, in megabytes (413 above). Defaults to 25.
       * @visibility backend
       */
      maxUploadMegabytes?: number;
      /**
       * Pushed files up to this size, in kilobytes, are kept as sent beside
       * their summary; larger ones only as their summary. Defaults to 1024.
       * @visibility backend
       */
      keepRawKilobytes?: number;
      /**
       * Days signals replaced by newer ones, and pushed files, are kept.
       * The current signal of each source and key is always kept. Defaults
       * to 400.
       * @visibility backend
       */
      retentionDays?: number;
      /**
       * Days a signal may be relied on after the tool observed it, per
       * format. Defaults: sarif 30, openssf-scorecard 30, cyclonedx 90,
       * slsa-provenance 90.
       * @visibility backend
       */
      validDays?: {
        sarif?: number;
        'openssf-scorecard'?: number;
        cyclonedx?: number;
        'slsa-provenance'?: number;
      };
    };

    exceptions?: {
      /**
       * The longest an exception may run, in days. Defaults to 180.
       * @visibility backend
       */
      maxDays?: number;
      /**
       * How often approved exceptions past their expiry are marked expired.
       * Runs once across all replicas. Defaults to every 10 minutes.
       * @visibility backend
       */
      expirySchedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };

    /**
     * What the release verdict (GET …/releases/{id}/verdict, read by CI)
     * asks of a release besides no expired exceptions. It recommends; a
     * person decides.
     */
    releasePolicy?: {
      /**
       * The tier's required stages before this stage must be cleared (passed,
       * waived or not applicable). Defaults to 'launch' when the workflow has
       * it, else every required stage.
       * @visibility backend
       */
      gatesBefore?: string;
      /**
       * Evidence per tier. Without an entry, tier '1' needs sast, sbom and
       * provenance at SLSA build level 2, tier '2' sast and sbom, others none.
       * @visibility backend
       */
      tiers?: Array<{
        /** A tier ID of the workflow, e.g. '1'. */
        tier: string;
        /** Which current evidence must be there and pass. */
        evidence?: Array<'sast' | 'sbom' | 'provenance' | 'scorecard'>;
        /** Lowest SLSA build level that passes (0-4). Defaults to 0. */
        minSlsaBuildLevel?: number;
        /** Open SARIF results that fail static analysis. Defaults to 'error'. */
        failOnSarifLevel?: 'error' | 'warning' | 'none';
        /** Lowest OpenSSF Scorecard score that passes (0-10). Defaults to 0. */
        minScorecardScore?: number;
      }>;
    };

    signOff?: {
      /**
       * Sign-off separation: whether a stage sign-off needs a second person.
       * 'strict' (the default): someone who is not a security lead may not
       * make themself (or a group they belong to) the Accountable for an
       * activity that signs off a stage, and nobody signs off a stage whose
       * exit criteria they ticked themself; both are refused with a 403 that
       * names this rule. 'off': the Accountable or a security lead signs off,
       * whoever appointed them or ticked the criteria. Visible to the
       * frontend, so the Security tab can explain a refused sign-off.
       * @visibility frontend
       */
      separation?: 'strict' | 'off';
    };

    /**
     * Who is told of what. Every moment (exception requested, approved,
     * rejected, revoked, expiring, expired; a gate ready for sign-off; a stage
     * re-opened; a no-go release; a score fallen below the tier target) is
     * published on the events service under `security-maturity.<event>`, and
     * sent through the notifications backend to the people it concerns.
     * @visibility backend
     */
    notifications?: {
      /** Off: no notifications are sent (events are still published). Defaults to true. */
      enabled?: boolean;
      /**
       * Days before an approved exception's expiry at which its owners and
       * the Accountable for exception approval are reminded, once each (and
       * once on expiry). Defaults to [30, 7, 1].
       */
      reminderDays?: number[];
      /**
       * Per event (its name with a dash: exception-requested,
       * exception-approved, exception-rejected, exception-revoked,
       * exception-expiring, exception-expired, stage-ready-for-sign-off,
       * stage-reopened, release-no-go, score-below-target): whether it
       * notifies, and whom. Audiences: owners, requester, securityLeads, and
       * the accountable or responsible of the RASI activity concerned (the
       * stage's sign-off activity; exception approval for reminders).
       */
      events?: {
        [event: string]: {
          enabled?: boolean;
          notify?: Array<
            | 'owners'
            | 'requester'
            | 'securityLeads'
            | 'accountable'
            | 'responsible'
          >;
        };
      };
      /** A weekly digest for the security leads. */
      digest?: {
        /** Defaults to false. */
        enabled?: boolean;
        /** Defaults to Mondays at 08:00 (cron '0 8 * * 1'). */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };

    demo?: {
      /**
       * Loads a demo organisation's year of security records (stage gates,
       * RASI, exceptions, worksheets, decisions, releases and daily score
       * snapshots) once the catalog has its components, on a database with
       * no records yet. For the project's demo portal only: it writes as the
       * demo's people, whose components must be in the catalog. Defaults to
       * false.
       * @visibility backend
       */
      enabled?: boolean;
    };
  };
}

import { Config } from '@backstage/config';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  StageDefinition,
  TierRule,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { defaultWorkflow } from './defaults';
import { readTiers } from './readTiers';

function readStages(config: Config): StageDefinition[] {
  return config.getConfigArray('stages').map(stage => ({
    id: stage.getString('id'),
    title: stage.getString('title'),
    activities: stage.getOptionalStringArray('activities') ?? [],
    exitCriteria: stage.getConfigArray('exitCriteria').map(c => ({
      id: c.getString('id'),
      title: c.getString('title'),
    })),
    signOffActivityId: stage.getString('signOffActivityId'),
    requiredForTiers: stage.getStringArray('requiredForTiers'),
  }));
}

function readTierRules(config: Config): TierRule[] {
  return config.getConfigArray('tierRules').map(rule => {
    const when = rule.getOptionalConfig('when');
    return {
      tier: rule.getString('tier'),
      reason: rule.getString('reason'),
      when: {
        dataClassificationIn: when?.getOptionalStringArray(
          'dataClassificationIn',
        ),
        internetExposure: when?.getOptionalBoolean('internetExposure'),
        newIntegrations: when?.getOptionalBoolean('newIntegrations'),
        authFlowChanges: when?.getOptionalBoolean('authFlowChanges'),
        regulated: when?.getOptionalBoolean('regulated'),
      },
    };
  });
}

function assertUnique(what: string, ids: string[]) {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) {
      throw new Error(`securityMaturity: duplicate ${what} '${id}'`);
    }
    seen.add(id);
  }
}

/**
 * Reads securityMaturity.* from app-config. Each list given there replaces the
 * default list; a configuration that contradicts itself stops the backend at
 * start, with a message naming the offending entry.
 */
export function readWorkflowConfig(rootConfig: Config): WorkflowConfig {
  const config = rootConfig.getOptionalConfig('securityMaturity');
  const has = (key: string) => config?.has(key) ?? false;

  const workflow: WorkflowConfig = {
    stages: has('stages') ? readStages(config!) : defaultWorkflow.stages,
    rasiActivities: has('rasiActivities')
      ? config!.getConfigArray('rasiActivities').map(a => ({
          id: a.getString('id'),
          title: a.getString('title'),
        }))
      : defaultWorkflow.rasiActivities,
    tiers: has('tiers') ? readTiers(config!) : defaultWorkflow.tiers,
    tierRules: has('tierRules')
      ? readTierRules(config!)
      : defaultWorkflow.tierRules,
    dataClassifications:
      config?.getOptionalStringArray('dataClassifications') ??
      defaultWorkflow.dataClassifications,
    baselineControls: has('baselineControls')
      ? config!.getConfigArray('baselineControls').map(c => ({
          id: c.getString('id'),
          title: c.getString('title'),
          description: c.getOptionalString('description') ?? '',
        }))
      : defaultWorkflow.baselineControls,
    securityLeadGroups: (
      config?.getOptionalStringArray('securityLeadGroups') ??
      defaultWorkflow.securityLeadGroups
    ).map(ref =>
      stringifyEntityRef(parseEntityRef(ref, { defaultKind: 'group' })),
    ),
    exceptionMaxDays:
      config?.getOptionalNumber('exceptions.maxDays') ??
      defaultWorkflow.exceptionMaxDays,
  };

  assertUnique(
    'stage',
    workflow.stages.map(s => s.id),
  );
  assertUnique(
    'RASI activity',
    workflow.rasiActivities.map(a => a.id),
  );
  assertUnique(
    'tier',
    workflow.tiers.map(t => t.id),
  );
  assertUnique(
    'baseline control',
    workflow.baselineControls.map(c => c.id),
  );
  const activities = new Set(workflow.rasiActivities.map(a => a.id));
  const tiers = new Set(workflow.tiers.map(t => t.id));
  for (const stage of workflow.stages) {
    if (!activities.has(stage.signOffActivityId)) {
      throw new Error(
        `securityMaturity: stage '${stage.id}' is signed off by unknown RASI activity '${stage.signOffActivityId}'`,
      );
    }
    assertUnique(
      `exit criterion of stage ${stage.id}`,
      stage.exitCriteria.map(c => c.id),
    );
    for (const tier of stage.requiredForTiers) {
      if (!tiers.has(tier)) {
        throw new Error(
          `securityMaturity: stage '${stage.id}' names unknown tier '${tier}'`,
        );
      }
    }
  }
  for (const rule of workflow.tierRules) {
    if (!tiers.has(rule.tier)) {
      throw new Error(
        `securityMaturity: a tier rule names unknown tier '${rule.tier}'`,
      );
    }
  }
  const last = workflow.tierRules[workflow.tierRules.length - 1];
  if (!last || Object.values(last.when).some(v => v !== undefined)) {
    throw new Error(
      'securityMaturity: the last tier rule must have no conditions, so every intake gets a tier',
    );
  }
  if (!workflow.stages.some(s => s.id === 'threat-modeling')) {
    // Material changes re-open threat modeling; a workflow without that stage
    // would silently drop them.
    throw new Error(
      "securityMaturity: the workflow needs a 'threat-modeling' stage",
    );
  }
  if (workflow.exceptionMaxDays <= 0) {
    throw new Error('securityMaturity: exceptions.maxDays must be positive');
  }
  return workflow;
}

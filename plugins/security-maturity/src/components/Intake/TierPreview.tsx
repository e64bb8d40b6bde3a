import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  deriveTier,
  IntakeRecord,
  materialIntakeChanges,
  requiredStageIds,
  TierFacts,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';

/** A tier's configured title and target score. */
export function tierInfo(config: WorkflowConfig, tier: string) {
  const defined = config.tiers.find(t => t.id === tier);
  return {
    title: defined?.title ?? `Tier ${tier}`,
    target: defined?.targetScore,
  };
}

const titles = (config: WorkflowConfig, ids: string[]) =>
  ids.map(id => config.stages.find(s => s.id === id)?.title ?? id).join(', ');

/** What saving changes in the stages the component needs. */
function StageChanges(props: {
  config: WorkflowConfig;
  before: string[];
  after: string[];
}) {
  const { config, before, after } = props;
  const added = after.filter(id => !before.includes(id));
  const dropped = before.filter(id => !after.includes(id));
  if (added.length === 0 && dropped.length === 0) {
    return (
      <Typography variant="body2">
        The required stages stay the same.
      </Typography>
    );
  }
  return (
    <>
      {added.length > 0 && (
        <Typography variant="body2">
          Stages added: {titles(config, added)}
        </Typography>
      )}
      {dropped.length > 0 && (
        <Typography variant="body2">
          No longer required: {titles(config, dropped)}
        </Typography>
      )}
    </>
  );
}

/**
 * The tier the answers yield, by the same rules the backend applies, with
 * the stages and target score it brings; when editing, what the change does
 * to the stages and whether it re-opens threat modeling. Shown before saving
 * so nobody has to save to find out.
 */
export function TierPreview(props: {
  config: WorkflowConfig;
  answers: TierFacts;
  current: IntakeRecord | null;
}) {
  const { config, answers, current } = props;
  const { tier, reason } = deriveTier(config, answers);
  const { title, target } = tierInfo(config, tier);
  const required = requiredStageIds(config, tier);
  const triggers = materialIntakeChanges(config, current, answers);
  return (
    <Box component="section" aria-label="Resulting tier" mt={2}>
      <Typography variant="subtitle2" component="p">
        {title}:{' '}
        {target === undefined
          ? 'no target score configured'
          : `target score ${target}`}
      </Typography>
      <Typography variant="body2">Why: {reason}</Typography>
      <Typography variant="body2">
        Required stages: {titles(config, required)}
      </Typography>
      {current && (
        <>
          <StageChanges
            config={config}
            before={requiredStageIds(config, current.tier)}
            after={required}
          />
          {triggers.length > 0 ? (
            <Alert severity="warning">
              {`A material change: saving re-opens threat modeling (${triggers.join(
                ', ',
              )}).`}
            </Alert>
          ) : (
            <Typography variant="caption" color="textSecondary">
              A material change (new integrations, an auth-flow change or more
              sensitive data) re-opens threat modeling.
            </Typography>
          )}
        </>
      )}
    </Box>
  );
}

import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { summarizeRecords } from '@secmat/backstage-plugin-security-maturity-common';
import { useSecurityData } from '../../hooks/useSecurityData';
import { ScoreTrend } from '../ScoreTrend';

/**
 * A small card for the entity's overview page: tier, SAMM score against its
 * target, gates cleared and exceptions, with a link to the Security tab.
 *
 * @public
 */
export function EntitySecuritySummaryCard() {
  const { value, loading, error, api, entityRef } = useSecurityData();
  if (loading && !value) return <Progress />;
  if (error)
    return <ResponseErrorPanel error={error} title="Security maturity" />;
  if (!value) return null;
  const { record, score } = value;
  const {
    requiredGates,
    clearedGates,
    openExceptions: open,
    expiredExceptions: expired,
  } = summarizeRecords(record);
  return (
    <InfoCard
      title="Security maturity"
      deepLink={{ title: 'Open the Security tab', link: 'security' }}
    >
      <Typography variant="body2">
        {record.intake
          ? `Tier ${record.intake.tier}: ${record.intake.tierReason}`
          : 'Not classified yet: intake decides the tier'}
      </Typography>
      <Box my={1}>
        <Typography variant="body2">
          SAMM score {score.overall.toFixed(2)}
          {score.target !== null
            ? ` of target ${Number(score.target.toFixed(2))} (${Math.round(
                score.percentToTarget ?? 0,
              )}%)`
            : ' of 3'}
        </Typography>
        <LinearProgress
          variant="determinate"
          value={
            score.target
              ? Math.min(100, score.percentToTarget ?? 0)
              : (score.overall / 3) * 100
          }
          aria-label="SAMM score against target"
        />
      </Box>
      <ScoreTrend api={api} entityRef={entityRef} score={score} size="small" />
      <Typography variant="body2">
        Stage gates cleared: {clearedGates} of {requiredGates}
      </Typography>
      <Typography variant="body2" color={expired ? 'error' : 'textPrimary'}>
        Open exceptions: {open}
        {expired ? `, ${expired} expired` : ''}
      </Typography>
    </InfoCard>
  );
}

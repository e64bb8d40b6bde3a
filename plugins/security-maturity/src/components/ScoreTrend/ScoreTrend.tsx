import {
  CompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  EntityScore,
  SecurityMaturityApi,
} from '@secmat/backstage-plugin-security-maturity-common';
import useAsync from 'react-use/esm/useAsync';
import { ScoreLineChart, serverError } from '../common';

const DAYS = 365;

/**
 * The entity's overall score over the last year, from the daily snapshots
 * the backend keeps, against its tier's target. Loaded on its own so the
 * rest of the card does not wait for it; without history it says so in a
 * line rather than drawing an empty chart.
 */
export function ScoreTrend(props: {
  api: SecurityMaturityApi;
  entityRef: CompoundEntityRef;
  score: EntityScore;
  /** The overview card is narrower than the Security tab's score card. */
  size?: 'small' | 'large';
}) {
  const { api, entityRef, score } = props;
  const theme = useTheme();
  const { value, loading, error } = useAsync(
    () => api.getEntityScoreHistory(entityRef, { days: DAYS }),
    // A new score (after a change) may have updated today's snapshot.
    [api, stringifyEntityRef(entityRef), score.computedAt],
  );
  if (error) {
    return (
      <Typography variant="body2" color="textSecondary">
        Score history unavailable: {serverError(error).message}
      </Typography>
    );
  }
  if (!value) return loading ? <Progress /> : null;
  if (value.items.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No score history yet: the trend starts with the first daily snapshot.
      </Typography>
    );
  }
  const [width, height] = props.size === 'small' ? [320, 140] : [560, 180];
  const { target } = score;
  return (
    <figure
      style={{ margin: 0 }}
      aria-label={`Score trend${
        target === null ? '' : ` against the target ${target}`
      }`}
    >
      <ScoreLineChart
        points={value.items}
        reference={
          target === null
            ? undefined
            : {
                y: target,
                label: `Tier target ${target}`,
                color: theme.palette.error.main,
              }
        }
        width={width}
        height={height}
      />
    </figure>
  );
}

import { InfoCard } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { OrgOverview } from '@secmat/backstage-plugin-security-maturity-common';
import { percent, score } from './format';

/**
 * The headline figures of an org view: components, mean score against the
 * SAMM benchmark, percent to target, below target and expired exceptions.
 */
export function Headline(props: { overview: OrgOverview }) {
  const { overview: o } = props;
  const figures: Array<[string, string]> = [
    ['Components', String(o.components)],
    [
      'Mean SAMM score',
      `${score(o.overall)} (benchmark ${o.benchmark.overall})`,
    ],
    ['Percent to target', percent(o.percentToTarget)],
    ['Below target', String(o.belowTarget)],
    ['Expired exceptions', String(o.exceptions.expired)],
  ];
  return (
    <Grid container spacing={2}>
      {figures.map(([label, value]) => (
        <Grid item xs={6} md key={label}>
          <InfoCard>
            <Typography variant="overline">{label}</Typography>
            <Typography variant="h5" aria-label={label}>
              {value}
            </Typography>
          </InfoCard>
        </Grid>
      ))}
    </Grid>
  );
}

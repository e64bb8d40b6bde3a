import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import { makeStyles } from '@material-ui/core/styles';
import { PracticeTarget } from '@secmat/backstage-plugin-security-maturity-common';

const useStyles = makeStyles(theme => ({
  short: { backgroundColor: theme.palette.warning.main },
  marker: {
    position: 'absolute',
    top: -3,
    bottom: -3,
    width: 2,
    backgroundColor: theme.palette.text.primary,
  },
}));

/**
 * A practice score on the 0–3 scale, with a marker at its target; the bar
 * turns to the warning colour while there is a gap (which, for a practice
 * targeted per stream, a weak stream leaves even at the practice's target).
 */
export function TargetBar(props: { value: number; target?: PracticeTarget }) {
  const { value, target } = props;
  const classes = useStyles();
  const short = target !== undefined && target.gap > 0;
  return (
    <Box position="relative">
      <LinearProgress
        variant="determinate"
        value={(value / 3) * 100}
        classes={short ? { bar: classes.short } : undefined}
      />
      {target !== undefined && (
        <span
          className={classes.marker}
          style={{ left: `calc(${(target.target / 3) * 100}% - 1px)` }}
          aria-hidden
        />
      )}
    </Box>
  );
}

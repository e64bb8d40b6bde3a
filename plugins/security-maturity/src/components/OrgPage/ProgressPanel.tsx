import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  OrgProgress,
  SAMM_PRACTICES,
} from '@secmat/backstage-plugin-security-maturity-common';
import { FiguresTable } from './FiguresTable';
import { change, percent, score } from './format';

/**
 * SAMM's "progress to date" of an org view since a day the reader picks:
 * the mean score then and now, how far that went towards the targets, and
 * per practice. From the daily snapshots; the backend computes it all.
 */
export function ProgressPanel(props: {
  since: string;
  onSince: (day: string) => void;
  progress?: OrgProgress;
}) {
  const { since, onSince, progress } = props;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <TextField
        id="progress-since"
        label="Since"
        type="date"
        value={since}
        onChange={e => onSince(e.target.value)}
        InputLabelProps={{ shrink: true }}
        inputProps={{ max: today }}
        style={{ marginBottom: 8 }}
      />
      {!progress ? (
        <Typography variant="body2" color="textSecondary">
          Choose a day to compare today's scores with.
        </Typography>
      ) : (
        <>
          <Typography variant="body2" aria-label="Mean score since">
            Mean score {score(progress.overall.baseline)} →{' '}
            {score(progress.overall.current)} ({change(progress.overall.change)}
            ) over {progress.components} component
            {progress.components === 1 ? '' : 's'}
          </Typography>
          <Typography
            variant="body2"
            gutterBottom
            aria-label="Progress to target"
          >
            Progress to target: {percent(progress.progressToTarget)} of the way
            from where they stood to their tiers' targets
          </Typography>
          <FiguresTable
            label="Progress by practice"
            columns={['Practice', 'Then', 'Now', 'Change']}
            rows={SAMM_PRACTICES.map(p => {
              const moved = progress.practices[p.id];
              return {
                key: p.id,
                cells: [
                  p.name,
                  score(moved.baseline),
                  score(moved.current),
                  change(moved.change),
                ],
              };
            })}
          />
          <Typography variant="caption" color="textSecondary">
            Each component compared from its score on that day (or its first
            score, if it came later). Progress to target is OWASP SAMM's
            progress to date: (now − then) / (target − then), over the
            components with a tier.
          </Typography>
        </>
      )}
    </>
  );
}

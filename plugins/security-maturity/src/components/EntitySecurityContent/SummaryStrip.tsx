import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import {
  EntityScore,
  SecurityMaturityRecord,
  summarizeRecords,
} from '@secmat/backstage-plugin-security-maturity-common';
import { ReactNode } from 'react';

function Stat(props: { label: string; value: ReactNode; hint?: string }) {
  return (
    <Grid item xs={6} sm={4} md={2}>
      <Paper variant="outlined" style={{ height: '100%' }}>
        <Box p={2}>
          <Typography variant="overline" color="textSecondary" component="div">
            {props.label}
          </Typography>
          <Typography variant="h5" component="div">
            {props.value}
          </Typography>
          {props.hint && (
            <Typography variant="caption" color="textSecondary">
              {props.hint}
            </Typography>
          )}
        </Box>
      </Paper>
    </Grid>
  );
}

/** The ten-second answer to "where does this component stand?". */
export function SummaryStrip(props: {
  record: SecurityMaturityRecord;
  score: EntityScore;
}) {
  const { record, score } = props;
  const {
    requiredGates,
    clearedGates,
    openExceptions,
    expiredExceptions: expired,
    openWorksheets,
  } = summarizeRecords(record);
  return (
    <Grid container spacing={2}>
      <Stat
        label="Risk tier"
        value={record.intake?.tier ?? 'Not classified'}
        hint={record.intake ? undefined : 'Intake decides the tier'}
      />
      <Stat
        label="SAMM score"
        value={score.overall.toFixed(2)}
        hint={
          score.target === null
            ? 'of 3; intake sets the target'
            : `${Math.round(score.percentToTarget ?? 0)}% of target ${
                score.target
              }`
        }
      />
      <Stat
        label="Stage gates passed"
        value={`${clearedGates} of ${requiredGates}`}
        hint={
          record.intake ? 'Required for this tier' : 'All stages until intake'
        }
      />
      <Stat
        label="Open exceptions"
        value={openExceptions}
        hint={expired ? `${expired} expired` : undefined}
      />
      <Stat label="Open worksheets" value={openWorksheets} />
      <Stat
        label="Last change"
        value={
          record.updatedAt
            ? new Date(record.updatedAt).toLocaleDateString()
            : 'Never'
        }
      />
      {record.updatedBy && (
        <Grid item xs={12}>
          <Typography variant="caption" color="textSecondary">
            Last changed by <EntityRefLink entityRef={record.updatedBy} />
          </Typography>
        </Grid>
      )}
    </Grid>
  );
}

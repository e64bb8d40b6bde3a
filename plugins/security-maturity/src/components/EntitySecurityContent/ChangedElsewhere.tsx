import { stringifyEntityRef } from '@backstage/catalog-model';
import { useSignal } from '@backstage/plugin-signals-react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { entitySignalChannel } from '@secmat/backstage-plugin-security-maturity-common';
import { useState } from 'react';
import { useSecurityTab } from '../../hooks/useSecurityTab';

const useStyles = makeStyles(theme => ({
  banner: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: theme.spacing(2),
    padding: theme.spacing(1, 2),
    borderLeft: `4px solid ${theme.palette.info.main}`,
  },
}));

type ChangeSignal = { entityRef: string; actor: string; at: string };

/**
 * Someone else changed this entity's records while the tab was open: offers a
 * reload (a grid row of the tab), so the next edit starts from the current version instead of running
 * into a conflict. Listens on the entity's signals channel; silent when the
 * portal has no signals plugin, and for the signed-in person's own changes.
 */
export function ChangedElsewhere() {
  const { entityRef, userRef, onChanged } = useSecurityTab();
  const classes = useStyles();
  const { lastSignal } = useSignal<ChangeSignal>(
    entitySignalChannel(stringifyEntityRef(entityRef)),
  );
  const [handled, setHandled] = useState<string>();
  if (
    !lastSignal ||
    lastSignal.at === handled ||
    (userRef &&
      lastSignal.actor.toLocaleLowerCase('en-US') ===
        userRef.toLocaleLowerCase('en-US'))
  ) {
    return null;
  }
  const who = lastSignal.actor.replace(/^[^:]+:(default\/)?/, '');
  return (
    <Grid item xs={12}>
      <Paper className={classes.banner} role="status" elevation={1}>
        <Typography variant="body2">
          {who} changed these records just now. Reload to see the change before
          you edit.
        </Typography>
        <Button
          color="primary"
          variant="outlined"
          size="small"
          onClick={() => {
            setHandled(lastSignal.at);
            onChanged();
          }}
        >
          Reload
        </Button>
      </Paper>
    </Grid>
  );
}

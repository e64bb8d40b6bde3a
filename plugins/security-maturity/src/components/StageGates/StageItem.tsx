import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  CLEARED_STATUSES,
  securityTabRecordAnchor,
  StageDefinition,
  StageRecord,
  StageStatus,
} from '@secmat/backstage-plugin-security-maturity-common';
import { ItemHeading } from '../common';
import { StageStatusForm } from './StageStatusForm';

const statusLabel = (status: string) => status.replace('_', ' ');

/** One required stage: its status, sign-off and exit-criteria checklist. */
export function StageItem(props: {
  definition: StageDefinition;
  stage?: StageRecord;
  canEdit: boolean;
  /** Owners and leads, and the Accountable for the stage's sign-off. */
  canSignOff: boolean;
  onToggle: (criterionId: string, done: boolean) => void;
  onStatus: (status: StageStatus, reason?: string) => void;
  onSignOff: () => void;
  busy: boolean;
}) {
  const { definition, stage, canEdit, canSignOff, busy } = props;
  const { onToggle, onStatus, onSignOff } = props;
  const signable =
    stage && CLEARED_STATUSES.has(stage.status) && !stage.signedOffBy;
  const item = (id: string) => stage?.checklist.find(c => c.criterionId === id);
  return (
    <ListItem
      divider
      alignItems="flex-start"
      style={{ display: 'block' }}
      id={securityTabRecordAnchor('stage', definition.id)}
    >
      <ItemHeading
        title={definition.title}
        status={statusLabel(stage?.status ?? 'not_started')}
      >
        {stage?.signedOffBy && (
          <Typography variant="caption" color="textSecondary">
            signed off by {stage.signedOffBy}
            {stage.signedOffAt
              ? ` on ${new Date(stage.signedOffAt).toLocaleDateString()}`
              : ''}
          </Typography>
        )}
        {canSignOff && signable && (
          <Button
            size="small"
            color="primary"
            variant="contained"
            disabled={busy}
            onClick={onSignOff}
          >
            Sign off {definition.title}
          </Button>
        )}
      </ItemHeading>
      {/* Why the stage is open again (a material change, a lesson), until it clears. */}
      {stage?.reopenedReason && !CLEARED_STATUSES.has(stage.status) && (
        <Alert severity="warning" style={{ marginTop: 4 }}>
          Re-opened: {stage.reopenedReason}
        </Alert>
      )}
      {stage?.reason && (
        <Typography variant="body2" color="textSecondary">
          Reason: {stage.reason}
        </Typography>
      )}
      {definition.exitCriteria.map(criterion => {
        const checked = item(criterion.id)?.done ?? false;
        return (
          <Box key={criterion.id}>
            <FormControlLabel
              control={
                <Checkbox
                  checked={checked}
                  disabled={!canEdit || busy}
                  onChange={event =>
                    onToggle(criterion.id, event.target.checked)
                  }
                  color="primary"
                />
              }
              label={criterion.title}
            />
            {item(criterion.id)?.evidence.map(link => (
              <Link key={link.url} to={link.url} style={{ marginLeft: 8 }}>
                {link.title}
              </Link>
            ))}
            {/* Sign-off separation: whoever ticked it does not sign the stage off. */}
            {checked && item(criterion.id)?.doneBy && (
              <Typography
                variant="caption"
                color="textSecondary"
                style={{ marginLeft: 8 }}
              >
                ticked by {item(criterion.id)?.doneBy}
              </Typography>
            )}
          </Box>
        );
      })}
      {canEdit && (
        <StageStatusForm
          // A new version is a saved change: start again from what was saved.
          key={stage?.version ?? 0}
          definition={definition}
          stage={stage}
          busy={busy}
          onSave={onStatus}
        />
      )}
    </ListItem>
  );
}

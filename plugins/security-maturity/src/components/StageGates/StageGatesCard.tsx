import { InfoCard, Link } from '@backstage/core-components';
import Checkbox from '@material-ui/core/Checkbox';
import Chip from '@material-ui/core/Chip';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import {
  CLEARED_STATUSES,
  StageDefinition,
  StageRecord,
  StageStatus,
} from '@secmat/backstage-plugin-security-maturity-common';
import { StageStatusForm } from './StageStatusForm';
import { ChangeErrorAlert } from '../EntitySecurityContent/ConflictAlert';
import { SectionProps } from '../EntitySecurityContent/summarize';
import { useChange } from '../EntitySecurityContent/useChange';

const statusLabel = (status: string) => status.replace('_', ' ');

function Stage(props: {
  definition: StageDefinition;
  stage?: StageRecord;
  canEdit: boolean;
  onToggle: (criterionId: string, done: boolean) => void;
  onStatus: (status: StageStatus, reason?: string) => void;
  onSignOff: () => void;
  busy: boolean;
}) {
  const { definition, stage, canEdit, onToggle, onStatus, onSignOff, busy } =
    props;
  const signable =
    stage && CLEARED_STATUSES.has(stage.status) && !stage.signedOffBy;
  const item = (id: string) => stage?.checklist.find(c => c.criterionId === id);
  return (
    <ListItem divider alignItems="flex-start" style={{ display: 'block' }}>
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <Typography variant="subtitle1" component="h3">
          {definition.title}
        </Typography>
        <Chip
          size="small"
          label={statusLabel(stage?.status ?? 'not_started')}
        />
        {stage?.signedOffBy && (
          <Typography variant="caption" color="textSecondary">
            signed off by {stage.signedOffBy}
            {stage.signedOffAt
              ? ` on ${new Date(stage.signedOffAt).toLocaleDateString()}`
              : ''}
          </Typography>
        )}
        {canEdit && signable && (
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
      </Box>
      {stage?.reopenedReason && stage.status !== 'passed' && (
        <Typography variant="body2" color="textSecondary">
          Re-opened: {stage.reopenedReason}
        </Typography>
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
          </Box>
        );
      })}
      {canEdit && (
        <StageStatusForm
          definition={definition}
          stage={stage}
          busy={busy}
          onSave={onStatus}
        />
      )}
    </ListItem>
  );
}

/**
 * The stage gates the tier requires, with their exit-criteria checklists.
 * Owners and security leads tick criteria in place; each change names the
 * version it was based on, so a concurrent change is never overwritten.
 */
export function StageGatesCard(props: SectionProps) {
  const { record, config, api, entityRef, onChanged } = props;
  const { busy, error, run } = useChange(onChanged);
  const required = config.stages.filter(s =>
    record.requiredStageIds.includes(s.id),
  );
  const canEdit = record.permissions.canEdit;

  const saveStatus = (
    definition: StageDefinition,
    status: StageStatus,
    reason?: string,
  ) => {
    const stage = record.stages.find(s => s.stageId === definition.id);
    return run(() =>
      api.putStage(entityRef, definition.id, {
        version: stage?.version ?? 0,
        status,
        checklist: stage?.checklist ?? [],
        notes: stage?.notes,
        reason,
      }),
    );
  };

  const signOff = (definition: StageDefinition) => {
    const stage = record.stages.find(s => s.stageId === definition.id);
    return run(() =>
      api.signOffStage(entityRef, definition.id, {
        version: stage?.version ?? 0,
      }),
    );
  };

  const toggle = async (
    definition: StageDefinition,
    criterionId: string,
    done: boolean,
  ) => {
    const stage = record.stages.find(s => s.stageId === definition.id);
    const checklist = definition.exitCriteria.map(c => {
      const current = stage?.checklist.find(i => i.criterionId === c.id) ?? {
        criterionId: c.id,
        done: false,
        evidence: [],
      };
      return c.id === criterionId ? { ...current, done } : current;
    });
    const allDone = checklist.every(c => c.done);
    let status = stage?.status ?? 'not_started';
    if (status === 'not_started') status = 'in_progress';
    if (status === 'passed' && !allDone) status = 'in_progress';
    await run(() =>
      api.putStage(entityRef, definition.id, {
        version: stage?.version ?? 0,
        status,
        checklist,
        notes: stage?.notes,
        reason: stage?.reason,
      }),
    );
  };

  return (
    <InfoCard
      title="Stage gates"
      subheader={
        record.intake
          ? `${required.length} stages required for tier ${record.intake.tier}`
          : 'Every stage applies until intake sets the tier'
      }
    >
      {error && <ChangeErrorAlert error={error} onReload={onChanged} />}
      {!canEdit && (
        <Typography variant="body2" color="textSecondary">
          Read only: the component's owners and security leads tick exit
          criteria here.
        </Typography>
      )}
      <List dense disablePadding>
        {required.map(definition => (
          <Stage
            key={definition.id}
            definition={definition}
            stage={record.stages.find(s => s.stageId === definition.id)}
            canEdit={canEdit}
            busy={busy}
            onToggle={(criterionId, done) =>
              toggle(definition, criterionId, done)
            }
            onStatus={(status, reason) =>
              saveStatus(definition, status, reason)
            }
            onSignOff={() => signOff(definition)}
          />
        ))}
      </List>
    </InfoCard>
  );
}

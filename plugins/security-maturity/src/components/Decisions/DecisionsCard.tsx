import { InfoCard, Link } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  DecisionInput,
  DecisionRecord,
} from '@secmat/backstage-plugin-security-maturity-common';
import { useState } from 'react';
import { ChangeErrorAlert } from '../EntitySecurityContent/ConflictAlert';
import { SectionProps } from '../EntitySecurityContent/summarize';
import { useChange } from '../EntitySecurityContent/useChange';
import { DecisionForm } from './DecisionForm';

const inputOf = (d: DecisionRecord): DecisionInput => ({
  trigger: d.trigger,
  decision: d.decision,
  rationale: d.rationale,
  ownerRef: d.ownerRef,
  status: d.status,
  backlogUrl: d.backlogUrl,
  reReviewAt: d.reReviewAt,
  reReviewTrigger: d.reReviewTrigger,
});

/**
 * The threat-model decision log: what was decided on which trigger, why, by
 * whom, and when it is looked at again.
 */
export function DecisionsCard(props: SectionProps) {
  const { record, api, entityRef, onChanged } = props;
  const { busy, error, run } = useChange(onChanged);
  const [editing, setEditing] = useState<DecisionRecord | 'new'>();
  const canEdit = record.permissions.canEdit;
  const save = async (input: DecisionInput) => {
    const ok = await run(() =>
      editing === 'new' || !editing
        ? api.createDecision(entityRef, input)
        : api.updateDecision(entityRef, editing.id, {
            ...input,
            version: editing.version,
          }),
    );
    if (ok) setEditing(undefined);
  };
  return (
    <InfoCard
      title="Threat-model decision log"
      subheader="Decisions from threat modeling, with owners and re-review triggers"
    >
      {error && <ChangeErrorAlert error={error} onReload={onChanged} />}
      {record.decisions.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          No decisions logged yet. Each decision from a threat-modeling session
          will appear here with its trigger, rationale, owner, linked backlog
          item, status and re-review date.
        </Typography>
      )}
      <List dense disablePadding>
        {record.decisions.map(d => (
          <ListItem key={d.id} divider alignItems="flex-start">
            <ListItemText
              primary={
                <>
                  {d.decision} <Chip size="small" label={d.status} />
                </>
              }
              secondaryTypographyProps={{ component: 'div' }}
              secondary={
                <>
                  <div>Trigger: {d.trigger}</div>
                  <div>Why: {d.rationale}</div>
                  <div>
                    Owner: {d.ownerRef}
                    {d.reReviewAt
                      ? `; re-review on ${d.reReviewAt.slice(0, 10)}`
                      : ''}
                    {d.reReviewTrigger ? ` or when ${d.reReviewTrigger}` : ''}
                  </div>
                  {d.backlogUrl && <Link to={d.backlogUrl}>Backlog item</Link>}
                </>
              }
            />
            {canEdit && (
              <Button
                size="small"
                onClick={() => setEditing(d)}
                aria-label={`Edit decision ${d.decision}`}
              >
                Edit
              </Button>
            )}
          </ListItem>
        ))}
      </List>
      {canEdit && (
        <Button
          size="small"
          variant="outlined"
          onClick={() => setEditing('new')}
        >
          Log a decision
        </Button>
      )}
      {editing && (
        <DecisionForm
          title={editing === 'new' ? 'Log a decision' : 'Edit decision'}
          initial={
            editing === 'new'
              ? {
                  trigger: '',
                  decision: '',
                  rationale: '',
                  ownerRef: '',
                  status: 'proposed',
                }
              : inputOf(editing)
          }
          busy={busy}
          onCancel={() => setEditing(undefined)}
          onSave={save}
        />
      )}
    </InfoCard>
  );
}

import { Link } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import { DecisionRecord } from '@secmat/backstage-plugin-security-maturity-common';
import { useState } from 'react';
import { useSecurityTab } from '../../hooks/useSecurityTab';
import { SectionCard } from '../SectionCard';
import { DecisionForm } from './DecisionForm';

/**
 * The threat-model decision log: what was decided on which trigger, why, by
 * whom, and when it is looked at again.
 */
export function DecisionsCard() {
  const { record } = useSecurityTab();
  const [editing, setEditing] = useState<DecisionRecord | 'new'>();
  const canEdit = record.permissions.canEdit;
  return (
    <SectionCard
      title="Threat-model decision log"
      subheader="Decisions from threat modeling, with owners and re-review triggers"
      count={record.decisions.length}
      emptyText="No decisions logged yet. Each decision from a threat-modeling session will appear here with its trigger, rationale, owner, linked backlog item, status and re-review date."
      footer={
        <>
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
              decision={editing === 'new' ? undefined : editing}
              onClose={() => setEditing(undefined)}
            />
          )}
        </>
      }
    >
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
    </SectionCard>
  );
}

import { Progress } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  RoadmapPhaseView,
  RoadmapItemView,
  SAMM_PRACTICES,
} from '@secmat/backstage-plugin-security-maturity-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { useSecurityTab } from '../../hooks/useSecurityTab';
import { useMutation } from '../../hooks/useMutation';
import { SectionCard } from '../SectionCard';
import { ChangeErrorAlert, serverError } from '../common';
import { PhaseDialog } from './PhaseDialog';
import { RoadmapChart } from './RoadmapChart';

const score = (n: number | null) => (n === null ? '–' : n.toFixed(2));
const percent = (n: number | null) =>
  n === null ? '' : `, ${Math.round(n)}% to target`;

const OWNER_SOURCE = {
  set: '',
  rasi: ' (RASI Responsible)',
  owner: ' (component owner)',
  none: '',
};

const STATUS = {
  upcoming: { label: 'upcoming', color: 'default' },
  met: { label: 'on plan', color: 'primary' },
  missed: { label: 'behind plan', color: 'secondary' },
  unknown: { label: 'no snapshot', color: 'default' },
} as const;

const practiceName = (activityId: string) =>
  SAMM_PRACTICES.find(p => activityId.startsWith(`${p.id}-`))?.name ?? '';

function Item(props: { item: RoadmapItemView }) {
  const { item } = props;
  return (
    <ListItem divider disableGutters>
      <ListItemText
        primary={
          <>
            {item.activityId} · {practiceName(item.activityId)}: planned{' '}
            {item.plannedAnswer} (now {item.currentAnswer}){' '}
            {item.done ? (
              <Chip size="small" color="primary" label="done" />
            ) : (
              item.overdue && (
                <Chip size="small" color="secondary" label="overdue" />
              )
            )}
          </>
        }
        secondary={`Due ${item.dueOn} · ${item.owner ?? 'no owner'}${
          OWNER_SOURCE[item.ownerSource]
        }`}
      />
    </ListItem>
  );
}

function Phase(props: {
  phase: RoadmapPhaseView;
  onEdit?: () => void;
  onRemove?: () => void;
}) {
  const { phase, onEdit, onRemove } = props;
  const { progress, projected } = phase;
  const status = STATUS[progress.status];
  return (
    <Box mt={2} id={`security-roadmap-phase-${phase.phase}`}>
      <Box
        display="flex"
        alignItems="center"
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        <Typography variant="subtitle1">
          Phase {phase.phase}: {phase.name}
        </Typography>
        <Chip size="small" color={status.color} label={status.label} />
        {onEdit && (
          <Button
            size="small"
            onClick={onEdit}
            aria-label={`Edit phase ${phase.phase}`}
          >
            Edit
          </Button>
        )}
        {onRemove && (
          <Button
            size="small"
            onClick={onRemove}
            aria-label={`Remove phase ${phase.phase}`}
          >
            Remove
          </Button>
        )}
      </Box>
      <Typography variant="body2" color="textSecondary">
        {progress.dueOn ? `Due ${progress.dueOn}. ` : ''}
        Projected score {score(projected.overall)}
        {percent(projected.percentToTarget)}; actual{' '}
        {score(progress.actualOverall)}
        {progress.actualDay ? ` on ${progress.actualDay}` : ''}.{' '}
        {progress.itemsDone} of {progress.itemsTotal} done.
      </Typography>
      <List dense disablePadding>
        {phase.items.map(item => (
          <Item key={item.activityId} item={item} />
        ))}
      </List>
    </Box>
  );
}

/**
 * The component's roadmap: planned SAMM improvements in phases, each item
 * with its owner and whether it is done, the score projected after each
 * phase (OWASP SAMM toolbox formula) against the actual one from the daily
 * snapshots. Owners and security leads add and edit phases.
 */
export function RoadmapCard() {
  const { api, entityRef, record, onChanged } = useSecurityTab();
  const [editing, setEditing] = useState<{
    phase: number;
    view?: RoadmapPhaseView;
  }>();
  const removal = useMutation(onChanged);
  const { value, loading, error } = useAsync(
    () => api.getEntityRoadmap(entityRef),
    // Every change raises the record's version (and rescoring moves answers).
    [api, stringifyEntityRef(entityRef), record.version],
  );
  if (error) {
    return (
      <SectionCard
        title="Roadmap"
        subheader="Planned SAMM improvements by phase"
        count={0}
        emptyText={`Roadmap unavailable: ${serverError(error).message}`}
      />
    );
  }
  if (!value) return loading ? <Progress /> : null;
  const canEdit = value.canEdit;
  const next = value.phases.reduce((max, p) => Math.max(max, p.phase), 0) + 1;
  return (
    <SectionCard
      title="Roadmap"
      subheader={`Planned SAMM improvements by phase; score now ${score(
        value.current.overall,
      )}${
        value.target === null ? '' : ` against the tier target ${value.target}`
      }`}
      count={value.phases.length}
      emptyText="No roadmap yet. Owners and security leads plan improvements here in phases (SAMM activity, planned answer, due date, owner), and see the score each phase should bring and how the actual score keeps up."
      alert={<ChangeErrorAlert error={removal.error} onReload={onChanged} />}
      footer={
        <>
          {canEdit && next <= 12 && (
            <Box mt={2}>
              <Button
                size="small"
                variant="outlined"
                onClick={() => setEditing({ phase: next })}
              >
                Add a phase
              </Button>
            </Box>
          )}
          {editing && (
            <PhaseDialog
              phase={editing.phase}
              editing={editing.view}
              onClose={() => setEditing(undefined)}
            />
          )}
        </>
      }
    >
      <RoadmapChart roadmap={value} />
      {value.phases.map(phase => (
        <Phase
          key={phase.phase}
          phase={phase}
          onEdit={
            canEdit
              ? () => setEditing({ phase: phase.phase, view: phase })
              : undefined
          }
          onRemove={
            canEdit
              ? () =>
                  removal.run(() =>
                    api.deleteRoadmapPhase(
                      entityRef,
                      phase.phase,
                      phase.version,
                    ),
                  )
              : undefined
          }
        />
      ))}
      <Typography variant="caption" color="textSecondary">
        Projections apply each phase's planned answers on top of the current
        ones (never lowering an answer) with the OWASP SAMM toolbox formula.
      </Typography>
    </SectionCard>
  );
}

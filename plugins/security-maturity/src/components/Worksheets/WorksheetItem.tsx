import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import ListItem from '@material-ui/core/ListItem';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  securityTabRecordAnchor,
  WorksheetRecord,
  WorksheetUpdate,
} from '@secmat/backstage-plugin-security-maturity-common';
import { useState } from 'react';
import { useSecurityTab } from '../../hooks/useSecurityTab';
import { InlineTextForm, ItemHeading, menuItems, Restricted } from '../common';
import { ContainmentOwnersForm } from './ContainmentOwnersForm';
import { ACTION_LABEL } from './labels';

// Each form joins the row of buttons around it.
const IN_ROW = { display: 'contents' } as const;

const hours = (from: string, to: string) =>
  ((new Date(to).getTime() - new Date(from).getTime()) / 3_600_000).toFixed(1);

/** The parts of a worksheet the update route takes, as stored. */
export const updateOf = (w: WorksheetRecord): WorksheetUpdate => ({
  version: w.version,
  title: w.title,
  status: w.status,
  containedAt: w.containedAt,
  readiness: w.readiness,
  containmentOwners: w.containmentOwners,
  timeline: w.timeline,
  actions: w.actions,
  findings: w.findings,
});

/** One incident or drill: its timeline, owners, findings and lessons. */
export function WorksheetItem(props: {
  worksheet: WorksheetRecord;
  busy: boolean;
  onUpdate: (update: WorksheetUpdate) => Promise<boolean>;
  onLesson: (lesson: string, reopensStageId?: string) => Promise<boolean>;
}) {
  const { worksheet: w, busy, onUpdate, onLesson } = props;
  const { record, config, userRef } = useSecurityTab();
  const canEdit = record.permissions.canEdit;
  // Redacted for this reader: the text is not theirs to read, nor to
  // rewrite (an update would save the empty copy; the backend refuses it).
  const redacted = Boolean(w.redacted);
  const [reopen, setReopen] = useState('');
  const open = w.status === 'open';
  const base = updateOf(w);
  const now = () => new Date().toISOString();

  return (
    <ListItem
      divider
      style={{ display: 'block' }}
      id={securityTabRecordAnchor('worksheet', w.id)}
    >
      <ItemHeading title={w.title} status={`${w.kind}, ${w.status}`}>
        <Typography variant="caption" color="textSecondary">
          started {new Date(w.startedAt).toLocaleString()}
          {w.containedAt
            ? `; contained after ${hours(w.startedAt, w.containedAt)} h`
            : ''}
        </Typography>
      </ItemHeading>
      <Typography variant="body2">
        Containment owners:{' '}
        {Object.entries(w.containmentOwners)
          .map(([a, who]) => `${ACTION_LABEL[a] ?? a}: ${who ?? 'nobody'}`)
          .join('; ')}
      </Typography>
      {redacted && (
        <Typography variant="body2" component="div">
          <Restricted what="Timeline, findings, actions and lessons" />
        </Typography>
      )}
      {canEdit && open && !redacted && (
        <ContainmentOwnersForm
          worksheet={w}
          busy={busy}
          onSave={containmentOwners => onUpdate({ ...base, containmentOwners })}
        />
      )}
      {w.timeline.length > 0 && (
        <Box component="ol" my={0.5} pl={3}>
          {w.timeline.map(t => (
            <li key={`${t.at}-${t.by}-${t.entry}`}>
              <Typography variant="body2">
                {new Date(t.at).toLocaleString()} —{' '}
                {redacted ? <em>restricted</em> : t.entry} ({t.by})
              </Typography>
            </li>
          ))}
        </Box>
      )}
      {w.findings.length > 0 && (
        <Typography variant="body2">
          Findings: {w.findings.join('; ')}
        </Typography>
      )}
      {w.lessons.map(l => (
        <Typography variant="body2" key={`${l.at}-${l.by}-${l.lesson}`}>
          Lesson: {redacted ? <em>restricted</em> : l.lesson}
          {l.reopensStageId ? ` (re-opened ${l.reopensStageId})` : ''}
        </Typography>
      ))}
      {canEdit && open && !redacted && (
        <Box display="flex" flexWrap="wrap" style={{ gap: 8 }} mt={1}>
          <InlineTextForm
            id={`entry-${w.id}`}
            label="Timeline entry"
            submitLabel="Add to timeline"
            busy={busy}
            style={IN_ROW}
            onSubmit={entry =>
              onUpdate({
                ...base,
                timeline: [
                  ...w.timeline,
                  { at: now(), entry, by: userRef ?? '' },
                ],
              })
            }
          />
          <InlineTextForm
            id={`finding-${w.id}`}
            label="Finding"
            submitLabel="Add finding"
            busy={busy}
            style={IN_ROW}
            onSubmit={finding =>
              onUpdate({ ...base, findings: [...w.findings, finding] })
            }
          />
          {!w.containedAt && (
            <Button
              size="small"
              variant="outlined"
              disabled={busy}
              onClick={() => onUpdate({ ...base, containedAt: now() })}
            >
              Mark contained
            </Button>
          )}
          <Button
            size="small"
            disabled={busy}
            onClick={() => onUpdate({ ...base, status: 'closed' })}
          >
            Close worksheet
          </Button>
        </Box>
      )}
      {canEdit && (
        <Box display="flex" flexWrap="wrap" style={{ gap: 8 }} mt={1}>
          <InlineTextForm
            id={`lesson-${w.id}`}
            label="Lesson learned"
            submitLabel="Add lesson"
            busy={busy}
            style={IN_ROW}
            onSubmit={async lesson => {
              const saved = await onLesson(lesson, reopen || undefined);
              if (saved) setReopen('');
              return saved;
            }}
            after={
              <TextField
                id={`reopen-${w.id}`}
                select
                size="small"
                label="Re-opens stage"
                value={reopen}
                onChange={e => setReopen(e.target.value)}
                style={{ minWidth: 180 }}
              >
                <MenuItem value="">
                  <em>None</em>
                </MenuItem>
                {menuItems(config.stages)}
              </TextField>
            }
          />
        </Box>
      )}
    </ListItem>
  );
}

import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import ListItem from '@material-ui/core/ListItem';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  StageDefinition,
  WorksheetRecord,
  WorksheetUpdate,
} from '@secmat/backstage-plugin-security-maturity-common';
import { useState } from 'react';
import { ContainmentOwnersForm } from './ContainmentOwnersForm';
import { ACTION_LABEL } from './labels';

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
  stages: StageDefinition[];
  canEdit: boolean;
  busy: boolean;
  actor?: string;
  onUpdate: (update: WorksheetUpdate) => Promise<boolean>;
  onLesson: (lesson: string, reopensStageId?: string) => Promise<boolean>;
}) {
  const { worksheet: w, stages, canEdit, busy, onUpdate, onLesson } = props;
  const [entry, setEntry] = useState('');
  const [finding, setFinding] = useState('');
  const [lesson, setLesson] = useState('');
  const [reopen, setReopen] = useState('');
  const open = w.status === 'open';
  const base = updateOf(w);
  const now = () => new Date().toISOString();

  return (
    <ListItem divider style={{ display: 'block' }}>
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <Typography variant="subtitle1" component="h3">
          {w.title}
        </Typography>
        <Chip size="small" label={`${w.kind}, ${w.status}`} />
        <Typography variant="caption" color="textSecondary">
          started {new Date(w.startedAt).toLocaleString()}
          {w.containedAt
            ? `; contained after ${hours(w.startedAt, w.containedAt)} h`
            : ''}
        </Typography>
      </Box>
      <Typography variant="body2">
        Containment owners:{' '}
        {Object.entries(w.containmentOwners)
          .map(([a, who]) => `${ACTION_LABEL[a] ?? a}: ${who ?? 'nobody'}`)
          .join('; ')}
      </Typography>
      {canEdit && open && (
        <ContainmentOwnersForm
          worksheet={w}
          busy={busy}
          onSave={containmentOwners => onUpdate({ ...base, containmentOwners })}
        />
      )}
      {w.timeline.length > 0 && (
        <Box component="ol" my={0.5} pl={3}>
          {w.timeline.map(t => (
            <li key={`${t.at}-${t.entry}`}>
              <Typography variant="body2">
                {new Date(t.at).toLocaleString()} — {t.entry} ({t.by})
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
        <Typography variant="body2" key={`${l.at}-${l.lesson}`}>
          Lesson: {l.lesson}
          {l.reopensStageId ? ` (re-opened ${l.reopensStageId})` : ''}
        </Typography>
      ))}
      {canEdit && open && (
        <Box display="flex" flexWrap="wrap" style={{ gap: 8 }} mt={1}>
          <TextField
            id={`entry-${w.id}`}
            size="small"
            label="Timeline entry"
            value={entry}
            onChange={e => setEntry(e.target.value)}
          />
          <Button
            size="small"
            variant="outlined"
            disabled={busy || !entry.trim()}
            onClick={async () => {
              const ok = await onUpdate({
                ...base,
                timeline: [
                  ...w.timeline,
                  { at: now(), entry: entry.trim(), by: props.actor ?? '' },
                ],
              });
              if (ok) setEntry('');
            }}
          >
            Add to timeline
          </Button>
          <TextField
            id={`finding-${w.id}`}
            size="small"
            label="Finding"
            value={finding}
            onChange={e => setFinding(e.target.value)}
          />
          <Button
            size="small"
            variant="outlined"
            disabled={busy || !finding.trim()}
            onClick={async () => {
              const ok = await onUpdate({
                ...base,
                findings: [...w.findings, finding.trim()],
              });
              if (ok) setFinding('');
            }}
          >
            Add finding
          </Button>
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
          <TextField
            id={`lesson-${w.id}`}
            size="small"
            label="Lesson learned"
            value={lesson}
            onChange={e => setLesson(e.target.value)}
          />
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
            {stages.map(s => (
              <MenuItem key={s.id} value={s.id}>
                {s.title}
              </MenuItem>
            ))}
          </TextField>
          <Button
            size="small"
            variant="outlined"
            disabled={busy || !lesson.trim()}
            onClick={async () => {
              const ok = await onLesson(lesson.trim(), reopen || undefined);
              if (ok) {
                setLesson('');
                setReopen('');
              }
            }}
          >
            Add lesson
          </Button>
        </Box>
      )}
    </ListItem>
  );
}

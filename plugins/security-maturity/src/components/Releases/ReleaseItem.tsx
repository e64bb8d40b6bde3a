import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import ListItem from '@material-ui/core/ListItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { ReleaseRecord } from '@secmat/backstage-plugin-security-maturity-common';
import { useState } from 'react';
import { ItemHeading } from '../common';
import { ReleaseVerdictLine } from './ReleaseVerdictLine';

const DECISION_COLOR = {
  pending: 'default',
  go: 'primary',
  no_go: 'secondary',
} as const;

/** One release: its decision, the evidence pushed for it, and go / no-go. */
export function ReleaseItem(props: {
  release: ReleaseRecord;
  canEdit: boolean;
  busy: boolean;
  onDecide: (decision: 'go' | 'no_go', note?: string) => void;
}) {
  const { release: r, canEdit, busy, onDecide } = props;
  const [note, setNote] = useState('');
  const decide = (decision: 'go' | 'no_go') =>
    onDecide(decision, note.trim() || undefined);
  return (
    <ListItem divider style={{ display: 'block' }}>
      <ItemHeading
        title={r.release}
        status={r.decision.replace('_', '-')}
        statusColor={DECISION_COLOR[r.decision]}
      >
        {r.decidedBy && (
          <Typography variant="caption" color="textSecondary">
            decided by {r.decidedBy}
            {r.decidedAt
              ? ` on ${new Date(r.decidedAt).toLocaleDateString()}`
              : ''}
            {r.decisionNote ? `: ${r.decisionNote}` : ''}
          </Typography>
        )}
      </ItemHeading>
      {r.evidence.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No evidence yet; a pipeline pushes it with its service token.
        </Typography>
      ) : (
        r.evidence.map(e => (
          <Typography variant="body2" key={`${e.kind}-${e.url}`}>
            {e.kind}
            {e.result ? ` (${e.result})` : ''}
            {e.slsaBuildLevel
              ? `, SLSA build level ${e.slsaBuildLevel}`
              : ''}: <Link to={e.url}>{e.title}</Link> — {e.pushedBy}
          </Typography>
        ))
      )}
      {r.decision === 'pending' && <ReleaseVerdictLine release={r} />}
      {canEdit && r.decision === 'pending' && (
        <Box display="flex" alignItems="center" style={{ gap: 8 }} mt={1}>
          <TextField
            id={`note-${r.id}`}
            size="small"
            label={`Note on ${r.release}`}
            value={note}
            onChange={e => setNote(e.target.value)}
            inputProps={{ maxLength: 2000 }}
          />
          <Button
            size="small"
            variant="contained"
            color="primary"
            disabled={busy}
            onClick={() => decide('go')}
          >
            Go
          </Button>
          <Button
            size="small"
            variant="outlined"
            disabled={busy}
            onClick={() => decide('no_go')}
          >
            No-go
          </Button>
        </Box>
      )}
    </ListItem>
  );
}

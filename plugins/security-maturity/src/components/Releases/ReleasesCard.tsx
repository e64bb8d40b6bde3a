import { InfoCard, Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { ReleaseRecord } from '@secmat/backstage-plugin-security-maturity-common';
import { useState } from 'react';
import { ChangeErrorAlert } from '../EntitySecurityContent/ConflictAlert';
import { SectionProps } from '../EntitySecurityContent/summarize';
import { useChange } from '../EntitySecurityContent/useChange';

const DECISION_COLOR = {
  pending: 'default',
  go: 'primary',
  no_go: 'secondary',
} as const;

function Release(props: {
  release: ReleaseRecord;
  canEdit: boolean;
  busy: boolean;
  onDecide: (decision: 'go' | 'no_go', note?: string) => void;
}) {
  const { release: r, canEdit, busy, onDecide } = props;
  const [note, setNote] = useState('');
  return (
    <ListItem divider style={{ display: 'block' }}>
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <Typography variant="subtitle1" component="h3">
          {r.release}
        </Typography>
        <Chip
          size="small"
          color={DECISION_COLOR[r.decision]}
          label={r.decision.replace('_', '-')}
        />
        {r.decidedBy && (
          <Typography variant="caption" color="textSecondary">
            decided by {r.decidedBy}
            {r.decidedAt
              ? ` on ${new Date(r.decidedAt).toLocaleDateString()}`
              : ''}
            {r.decisionNote ? `: ${r.decisionNote}` : ''}
          </Typography>
        )}
      </Box>
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
            onClick={() => onDecide('go', note.trim() || undefined)}
          >
            Go
          </Button>
          <Button
            size="small"
            variant="outlined"
            disabled={busy}
            onClick={() => onDecide('no_go', note.trim() || undefined)}
          >
            No-go
          </Button>
        </Box>
      )}
    </ListItem>
  );
}

/**
 * Release decision records: the evidence a pipeline pushed, and the go/no-go
 * that a person decides. "Pipeline green" is evidence, never the decision.
 */
export function ReleasesCard(props: SectionProps) {
  const { record, api, entityRef, onChanged } = props;
  const { busy, error, run } = useChange(onChanged);
  const [name, setName] = useState('');
  const canEdit = record.permissions.canEdit;
  const create = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    if (
      await run(() => api.createRelease(entityRef, { release: name.trim() }))
    ) {
      setName('');
    }
  };
  return (
    <InfoCard
      title="Release decisions"
      subheader="Go / no-go, decided by a person"
    >
      {error && <ChangeErrorAlert error={error} onReload={onChanged} />}
      {record.releases.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          No release decisions yet. Each release will appear here with its
          go/no-go decision, approver and evidence: pipeline run, scan results,
          signature and provenance, SLSA build level. A pipeline may push
          evidence; a person decides.
        </Typography>
      )}
      <List dense disablePadding>
        {record.releases.map(r => (
          <Release
            key={r.id}
            release={r}
            canEdit={canEdit}
            busy={busy}
            onDecide={(decision, note) =>
              run(() =>
                api.decideRelease(entityRef, r.id, {
                  version: r.version,
                  decision,
                  note,
                }),
              )
            }
          />
        ))}
      </List>
      {canEdit && (
        <form
          onSubmit={create}
          style={{ display: 'flex', gap: 8, marginTop: 8 }}
        >
          <TextField
            id="new-release"
            size="small"
            label="Release or version"
            value={name}
            onChange={e => setName(e.target.value)}
            inputProps={{ maxLength: 100 }}
          />
          <Button
            type="submit"
            size="small"
            variant="outlined"
            disabled={busy || !name.trim()}
          >
            Record release
          </Button>
        </form>
      )}
    </InfoCard>
  );
}

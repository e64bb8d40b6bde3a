import { InfoCard } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { ChangeErrorAlert } from '../EntitySecurityContent/ConflictAlert';
import { SectionProps } from '../EntitySecurityContent/summarize';
import { useChange } from '../EntitySecurityContent/useChange';
import { WorksheetItem } from './WorksheetItem';

/**
 * Runtime investigation worksheets: start an incident or a drill, keep its
 * timeline and findings, and feed lessons back into the stage gates.
 */
export function WorksheetsCard(props: SectionProps) {
  const { record, config, api, entityRef, onChanged } = props;
  const { busy, error, run } = useChange(onChanged);
  const [kind, setKind] = useState<'incident' | 'drill'>('incident');
  const [title, setTitle] = useState('');
  const canEdit = record.permissions.canEdit;
  // Shown until the reload; the backend records the signed-in user anyway.
  const identityApi = useApi(identityApiRef);
  const identity = useAsync(
    () => identityApi.getBackstageIdentity(),
    [identityApi],
  );
  return (
    <InfoCard
      title="Runtime investigation worksheets"
      subheader="Incidents and drills"
    >
      {error && <ChangeErrorAlert error={error} onReload={onChanged} />}
      {record.worksheets.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          No incidents or drills yet. Worksheets will appear here with readiness
          checks, containment owners (isolate traffic, revoke access, freeze
          rollout, approve recovery), the timeline, findings and lessons learned
          that feed the next planning cycle.
        </Typography>
      )}
      <List dense disablePadding>
        {record.worksheets.map(w => (
          <WorksheetItem
            key={w.id}
            worksheet={w}
            stages={config.stages}
            canEdit={canEdit}
            busy={busy}
            actor={identity.value?.userEntityRef}
            onUpdate={update =>
              run(() => api.updateWorksheet(entityRef, w.id, update))
            }
            onLesson={(lesson, reopensStageId) =>
              run(() =>
                api.addLesson(entityRef, w.id, {
                  version: w.version,
                  lesson,
                  reopensStageId,
                }),
              )
            }
          />
        ))}
      </List>
      {canEdit && (
        <form
          style={{ display: 'flex', gap: 8, marginTop: 8 }}
          onSubmit={async e => {
            e.preventDefault();
            if (!title.trim()) return;
            const ok = await run(() =>
              api.startWorksheet(entityRef, { kind, title: title.trim() }),
            );
            if (ok) setTitle('');
          }}
        >
          <TextField
            id="worksheet-kind"
            select
            size="small"
            label="Kind"
            value={kind}
            onChange={e => setKind(e.target.value as 'incident' | 'drill')}
          >
            <MenuItem value="incident">Incident</MenuItem>
            <MenuItem value="drill">Drill</MenuItem>
          </TextField>
          <TextField
            id="worksheet-title"
            size="small"
            label="Title"
            value={title}
            onChange={e => setTitle(e.target.value)}
            inputProps={{ maxLength: 200 }}
          />
          <Button
            type="submit"
            size="small"
            variant="outlined"
            disabled={busy || !title.trim()}
          >
            Start worksheet
          </Button>
        </form>
      )}
    </InfoCard>
  );
}

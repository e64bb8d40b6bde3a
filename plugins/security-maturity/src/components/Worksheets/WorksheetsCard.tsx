import List from '@material-ui/core/List';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { useState } from 'react';
import { useMutation } from '../../hooks/useMutation';
import { useSecurityTab } from '../../hooks/useSecurityTab';
import { SectionCard } from '../SectionCard';
import { ChangeErrorAlert, InlineTextForm } from '../common';
import { WorksheetItem } from './WorksheetItem';

type Kind = 'incident' | 'drill';

/**
 * Runtime investigation worksheets: start an incident or a drill, keep its
 * timeline and findings, and feed lessons back into the stage gates.
 */
export function WorksheetsCard() {
  const { record, api, entityRef, onChanged } = useSecurityTab();
  const { busy, error, run } = useMutation(onChanged);
  const [kind, setKind] = useState<Kind>('incident');
  return (
    <SectionCard
      title="Runtime investigation worksheets"
      subheader="Incidents and drills"
      count={record.worksheets.length}
      emptyText="No incidents or drills yet. Worksheets will appear here with readiness checks, containment owners (isolate traffic, revoke access, freeze rollout, approve recovery), the timeline, findings and lessons learned that feed the next planning cycle."
      alert={<ChangeErrorAlert error={error} onReload={onChanged} />}
      footer={
        record.permissions.canEdit && (
          <InlineTextForm
            id="worksheet-title"
            label="Title"
            submitLabel="Start worksheet"
            maxLength={200}
            busy={busy}
            onSubmit={title =>
              run(() => api.startWorksheet(entityRef, { kind, title }))
            }
            before={
              <TextField
                id="worksheet-kind"
                select
                size="small"
                label="Kind"
                value={kind}
                onChange={e => setKind(e.target.value as Kind)}
              >
                <MenuItem value="incident">Incident</MenuItem>
                <MenuItem value="drill">Drill</MenuItem>
              </TextField>
            }
          />
        )
      }
    >
      <List dense disablePadding>
        {record.worksheets.map(w => (
          <WorksheetItem
            key={w.id}
            worksheet={w}
            busy={busy}
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
    </SectionCard>
  );
}

import List from '@material-ui/core/List';
import { useMutation } from '../../hooks/useMutation';
import { useSecurityTab } from '../../hooks/useSecurityTab';
import { SectionCard } from '../SectionCard';
import { ChangeErrorAlert, InlineTextForm } from '../common';
import { ReleaseItem } from './ReleaseItem';

/**
 * Release decision records: the evidence a pipeline pushed, and the go/no-go
 * that a person decides. "Pipeline green" is evidence, never the decision.
 */
export function ReleasesCard() {
  const { record, api, entityRef, onChanged } = useSecurityTab();
  const { busy, error, run } = useMutation(onChanged);
  const canEdit = record.permissions.canEdit;
  return (
    <SectionCard
      title="Release decisions"
      subheader="Go / no-go, decided by a person"
      count={record.releases.length}
      emptyText="No release decisions yet. Each release will appear here with its go/no-go decision, approver and evidence: pipeline run, scan results, signature and provenance, SLSA build level. A pipeline may push evidence; a person decides."
      alert={<ChangeErrorAlert error={error} onReload={onChanged} />}
      footer={
        canEdit && (
          <InlineTextForm
            id="new-release"
            label="Release or version"
            submitLabel="Record release"
            maxLength={100}
            busy={busy}
            onSubmit={release =>
              run(() => api.createRelease(entityRef, { release }))
            }
          />
        )
      }
    >
      <List dense disablePadding>
        {record.releases.map(r => (
          <ReleaseItem
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
    </SectionCard>
  );
}

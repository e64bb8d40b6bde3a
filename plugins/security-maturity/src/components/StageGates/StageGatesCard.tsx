import { InfoCard } from '@backstage/core-components';
import List from '@material-ui/core/List';
import Typography from '@material-ui/core/Typography';
import {
  StageDefinition,
  StageStatus,
} from '@secmat/backstage-plugin-security-maturity-common';
import { useMutation } from '../../hooks/useMutation';
import { useSecurityTab } from '../../hooks/useSecurityTab';
import { ChangeErrorAlert } from '../common';
import { StageItem } from './StageItem';

/**
 * The stage gates the tier requires, with their exit-criteria checklists.
 * Owners and security leads tick criteria in place; each change names the
 * version it was based on, so a concurrent change is never overwritten.
 */
export function StageGatesCard() {
  const { record, config, api, entityRef, onChanged } = useSecurityTab();
  const { busy, error, run } = useMutation(onChanged);
  const required = config.stages.filter(s =>
    record.requiredStageIds.includes(s.id),
  );
  const canEdit = record.permissions.canEdit;

  const saveStatus = (
    definition: StageDefinition,
    status: StageStatus,
    reason?: string,
  ) => {
    const stage = record.stages.find(s => s.stageId === definition.id);
    return run(() =>
      api.putStage(entityRef, definition.id, {
        version: stage?.version ?? 0,
        status,
        checklist: stage?.checklist ?? [],
        notes: stage?.notes,
        reason,
      }),
    );
  };

  const signOff = (definition: StageDefinition) => {
    const stage = record.stages.find(s => s.stageId === definition.id);
    return run(() =>
      api.signOffStage(entityRef, definition.id, {
        version: stage?.version ?? 0,
      }),
    );
  };

  const toggle = async (
    definition: StageDefinition,
    criterionId: string,
    done: boolean,
  ) => {
    const stage = record.stages.find(s => s.stageId === definition.id);
    const checklist = definition.exitCriteria.map(c => {
      const current = stage?.checklist.find(i => i.criterionId === c.id) ?? {
        criterionId: c.id,
        done: false,
        evidence: [],
      };
      return c.id === criterionId ? { ...current, done } : current;
    });
    const allDone = checklist.every(c => c.done);
    let status = stage?.status ?? 'not_started';
    if (status === 'not_started') status = 'in_progress';
    if (status === 'passed' && !allDone) status = 'in_progress';
    await run(() =>
      api.putStage(entityRef, definition.id, {
        version: stage?.version ?? 0,
        status,
        checklist,
        notes: stage?.notes,
        reason: stage?.reason,
      }),
    );
  };

  return (
    <InfoCard
      title="Stage gates"
      subheader={
        record.intake
          ? `${required.length} stages required for tier ${record.intake.tier}`
          : 'Every stage applies until intake sets the tier'
      }
    >
      <ChangeErrorAlert error={error} onReload={onChanged} />
      {!canEdit && (
        <Typography variant="body2" color="textSecondary">
          Read only: the component's owners and security leads tick exit
          criteria here.
        </Typography>
      )}
      <List dense disablePadding>
        {required.map(definition => (
          <StageItem
            key={definition.id}
            definition={definition}
            stage={record.stages.find(s => s.stageId === definition.id)}
            canEdit={canEdit}
            // The stage's Accountable signs off without owning the component.
            canSignOff={
              canEdit ||
              (record.permissions.accountableFor ?? []).includes(
                definition.signOffActivityId,
              )
            }
            busy={busy}
            onToggle={(criterionId, done) =>
              toggle(definition, criterionId, done)
            }
            onStatus={(status, reason) =>
              saveStatus(definition, status, reason)
            }
            onSignOff={() => signOff(definition)}
          />
        ))}
      </List>
    </InfoCard>
  );
}

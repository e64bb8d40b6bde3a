import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import {
  IntakeRecord,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { useState } from 'react';
import { useSecurityTab } from '../../hooks/useSecurityTab';
import { SectionCard } from '../SectionCard';
import { IntakeDialog } from './IntakeDialog';
import { MaterialChangeDialog } from './MaterialChangeDialog';
import { QUESTIONS } from './questions';
import { tierInfo } from './TierPreview';

/** The recorded classification: tier and why, the answers, the target. */
function IntakeSummary(props: {
  intake: IntakeRecord;
  config: WorkflowConfig;
}) {
  const { intake, config } = props;
  const { target } = tierInfo(config, intake.tier);
  const factors = [
    ...QUESTIONS.filter(q => intake[q.key]).map(q => q.short),
    ...(intake.regulatoryObligations.length > 0
      ? [`regulated (${intake.regulatoryObligations.join(', ')})`]
      : []),
  ];
  const items = [
    {
      key: 'tier',
      primary: `Tier ${intake.tier}`,
      secondary: `${intake.tierReason}; classified by ${
        intake.updatedBy
      } on ${new Date(intake.updatedAt).toLocaleDateString()}`,
    },
    {
      key: 'answers',
      primary: `Data classification: ${intake.dataClassification}`,
      secondary: `Risk factors: ${factors.join(', ') || 'none'}${
        target === undefined ? '' : `; target SAMM score ${target}`
      }`,
    },
    ...(intake.notes
      ? [{ key: 'notes', primary: 'Notes', secondary: intake.notes }]
      : []),
  ];
  return (
    <List dense disablePadding>
      {items.map(item => (
        <ListItem key={item.key} disableGutters>
          <ListItemText primary={item.primary} secondary={item.secondary} />
        </ListItem>
      ))}
    </List>
  );
}

/**
 * The intake classification and the risk tier it yields. Owners and security
 * leads classify or edit it here, and record material changes, which re-open
 * threat modeling.
 */
export function IntakeCard() {
  const { record, config } = useSecurityTab();
  const [open, setOpen] = useState<'intake' | 'material-change'>();
  const { intake } = record;
  const close = () => setOpen(undefined);
  return (
    <SectionCard
      title="Intake and risk tier"
      subheader="Intake decides the depth of security work"
      count={intake ? 1 : 0}
      emptyText="Not classified yet. The intake classification will appear here: data classification, new integrations, auth-flow changes, internet exposure and regulatory obligations, and the risk tier they yield. The tier decides which stage gates this component needs and its target maturity. The component's owners record it."
      footer={
        <>
          {record.permissions.canEdit && (
            <Box display="flex" flexWrap="wrap" mt={1} style={{ gap: 8 }}>
              <Button
                size="small"
                variant={intake ? 'outlined' : 'contained'}
                color="primary"
                onClick={() => setOpen('intake')}
              >
                {intake ? 'Edit intake' : 'Classify'}
              </Button>
              <Button
                size="small"
                variant="outlined"
                onClick={() => setOpen('material-change')}
              >
                Record a material change
              </Button>
            </Box>
          )}
          {open === 'intake' && <IntakeDialog onClose={close} />}
          {open === 'material-change' && (
            <MaterialChangeDialog onClose={close} />
          )}
        </>
      }
    >
      {intake && <IntakeSummary intake={intake} config={config} />}
    </SectionCard>
  );
}

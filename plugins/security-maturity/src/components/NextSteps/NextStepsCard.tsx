import Chip from '@material-ui/core/Chip';
import Link from '@material-ui/core/Link';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  EntityScore,
  NextStep,
  nextSteps,
} from '@secmat/backstage-plugin-security-maturity-common';
import { useMemo } from 'react';
import { useSecurityTab } from '../../hooks/useSecurityTab';
import { SectionCard } from '../SectionCard';

const SECTION_LABELS: Record<NextStep['section'], string> = {
  intake: 'Intake',
  stages: 'Stage gates',
  rasi: 'RASI',
  exceptions: 'Exceptions',
  worksheets: 'Worksheets',
  decisions: 'Decision log',
  releases: 'Releases',
  score: 'Self-assessment',
};

const signed = (n: number) => `+${n.toFixed(2)}`;

/** "+0.17 Design, +0.03 overall": what a step adds, as the score shows it. */
export const gainLabel = (step: NextStep) =>
  step.gain
    ? `${signed(step.gain.function)} ${step.gain.functionName}, ${signed(
        step.gain.overall,
      )} overall`
    : undefined;

/**
 * What to do next on this component: blockers first (work that is due or
 * missing), then the SAMM activities whose answer would add most to the
 * score, each with what it would add and a link to the section that does it.
 */
export function NextStepsCard(props: { score: EntityScore }) {
  const { record, config } = useSecurityTab();
  const steps = useMemo(
    () => nextSteps({ record, score: props.score, config }),
    [record, props.score, config],
  );
  // Someone who may only read learns who acts, instead of finding no form.
  const who = record.permissions.canEdit
    ? ''
    : ' Its owners and security leads act on these.';
  const target =
    props.score.target === null
      ? 'Classify the component to set its target.'
      : `Target ${props.score.target} (tier ${
          props.score.tier
        }); now ${props.score.overall.toFixed(2)}.`;
  return (
    <SectionCard
      title="Next steps"
      subheader={`Blockers first, then what raises the SAMM score most. ${target}${who}`}
      count={steps.length}
      emptyText="Nothing is due: every SAMM activity is answered in full and nothing blocks this component."
    >
      <List dense disablePadding aria-label="Next steps">
        {steps.map(step => (
          <ListItem key={step.id} disableGutters alignItems="flex-start">
            <ListItemText
              primary={
                <>
                  <Link href={`#${step.anchor}`}>{step.title}</Link>{' '}
                  {step.kind === 'blocker' ? (
                    <Chip size="small" color="secondary" label="Blocker" />
                  ) : (
                    <Chip size="small" label={gainLabel(step)} />
                  )}
                </>
              }
              secondary={
                <>
                  {step.detail}
                  <Typography
                    variant="caption"
                    color="textSecondary"
                    component="span"
                  >
                    {' '}
                    · {SECTION_LABELS[step.section]}
                  </Typography>
                </>
              }
            />
          </ListItem>
        ))}
      </List>
      <Typography variant="caption" color="textSecondary">
        Gains are what the OWASP SAMM toolbox formula gives when the activity's
        answer reaches 1; every activity weighs the same, so lower levels come
        first.
      </Typography>
    </SectionCard>
  );
}

import { InfoCard, Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import LinearProgress from '@material-ui/core/LinearProgress';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import {
  EntityScore,
  SAMM_BUSINESS_FUNCTIONS,
  SAMM_QUESTIONS,
} from '@secmat/backstage-plugin-security-maturity-common';
import { useEffect, useState } from 'react';
import { useLocationHash } from '../../hooks/useLocationHash';
import { useSecurityTab } from '../../hooks/useSecurityTab';
import { ScoreTrend } from '../ScoreTrend';
import { AttestForm } from './AttestForm';
import { PracticeChart } from './PracticeChart';

const fmt = (n: number) => n.toFixed(2);
const SOURCE_COLOR = {
  evidence: 'primary',
  attested: 'secondary',
  none: 'default',
} as const;

/**
 * The SAMM score: overall against the tier's target, each practice on the
 * 0–3 scale, and for every activity its answer, where it came from and why.
 */
export function ScoreCard(props: { score: EntityScore }) {
  const { score } = props;
  const { record, api, entityRef } = useSecurityTab();
  // Editors answer the self-assessment where evidence does not.
  const canAttest = record.permissions.canEdit;
  const byPractice = (practiceId: string) =>
    score.activities.filter(a => a.id.startsWith(`${practiceId}-`));
  // A link to an activity (`#samm-G-SM-1-A`, from the next steps) opens its
  // practice and scrolls to its question and answer.
  const hash = useLocationHash();
  const linked = hash.startsWith('#samm-') ? hash.slice(6) : undefined;
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (!linked) return undefined;
    setOpen(o => new Set([...o, linked.split('-').slice(0, 2).join('-')]));
    // After the accordion has rendered its details.
    const timer = setTimeout(
      () =>
        document
          .getElementById(`samm-${linked}`)
          ?.scrollIntoView?.({ block: 'center' }),
      300,
    );
    return () => clearTimeout(timer);
  }, [linked]);
  const toggle = (practiceId: string, expanded: boolean) =>
    setOpen(o => {
      const next = new Set(o);
      if (expanded) next.add(practiceId);
      else next.delete(practiceId);
      return next;
    });
  return (
    <InfoCard
      title="OWASP SAMM score"
      subheader={
        score.target === null
          ? `Overall ${fmt(score.overall)} of 3; intake sets the target`
          : `Overall ${fmt(score.overall)} of 3, target ${fmt(
              score.target,
            )} (${Math.round(score.percentToTarget ?? 0)}% of target)`
      }
    >
      <PracticeChart score={score} />
      <ScoreTrend api={api} entityRef={entityRef} score={score} />
      {SAMM_BUSINESS_FUNCTIONS.map(fn => (
        <Box key={fn.id} mb={2}>
          <Typography variant="overline">
            {fn.name} {fmt(score.functions[fn.id])}
          </Typography>
          {fn.practices.map(practice => {
            const value = score.practices[practice.id] ?? 0;
            return (
              <Accordion
                key={practice.id}
                elevation={0}
                expanded={open.has(practice.id)}
                onChange={(_, expanded) => toggle(practice.id, expanded)}
                TransitionProps={{ unmountOnExit: true }}
              >
                <AccordionSummary
                  expandIcon={<ExpandMoreIcon />}
                  aria-label={`${practice.name} ${fmt(value)}`}
                >
                  <Box width="100%">
                    <Box display="flex" justifyContent="space-between">
                      <Typography variant="body2">{practice.name}</Typography>
                      <Typography variant="body2">{fmt(value)}</Typography>
                    </Box>
                    <LinearProgress
                      variant="determinate"
                      value={(value / 3) * 100}
                    />
                  </Box>
                </AccordionSummary>
                <AccordionDetails>
                  <List dense disablePadding style={{ width: '100%' }}>
                    {byPractice(practice.id).map(a => (
                      <ListItem
                        key={a.id}
                        id={`samm-${a.id}`}
                        selected={a.id === linked}
                        disableGutters
                        alignItems="flex-start"
                      >
                        <ListItemText
                          primary={
                            <>
                              <strong>{a.id}</strong> {SAMM_QUESTIONS[a.id]}{' '}
                              <Chip
                                size="small"
                                color={SOURCE_COLOR[a.source]}
                                label={`${a.source} · ${a.value}`}
                              />
                            </>
                          }
                          secondaryTypographyProps={{ component: 'div' }}
                          secondary={
                            <>
                              {a.rationale}{' '}
                              {a.links.map(l => (
                                <Link key={l.url} to={l.url}>
                                  {l.title}{' '}
                                </Link>
                              ))}
                              {canAttest && a.source !== 'evidence' && (
                                <AttestForm activityId={a.id} />
                              )}
                            </>
                          }
                        />
                      </ListItem>
                    ))}
                  </List>
                </AccordionDetails>
              </Accordion>
            );
          })}
        </Box>
      ))}
      <Typography variant="caption" color="textSecondary">
        Computed {new Date(score.computedAt).toLocaleString()}. Maturity model:
        OWASP SAMM v2 (owaspsamm.org), CC BY-SA 4.0; question wording our own.
      </Typography>
    </InfoCard>
  );
}

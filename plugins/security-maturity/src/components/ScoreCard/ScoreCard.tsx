import { InfoCard, Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
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
  PracticeTarget,
  SAMM_BUSINESS_FUNCTIONS,
  SAMM_QUESTIONS,
} from '@secmat/backstage-plugin-security-maturity-common';
import { useEffect, useState } from 'react';
import { useLocationHash } from '../../hooks/useLocationHash';
import { useSecurityTab } from '../../hooks/useSecurityTab';
import { ScoreTrend } from '../ScoreTrend';
import { AttestForm } from './AttestForm';
import { PracticeChart } from './PracticeChart';
import { TargetBar } from './TargetBar';

const fmt = (n: number) => n.toFixed(2);

/** How a practice stands against its target, in words. */
const againstTarget = (t: PracticeTarget) =>
  t.gap > 0
    ? `target ${fmt(t.target)}, ${fmt(t.gap)} below`
    : `target ${fmt(t.target)} reached`;

/** The streams short of their own targets, e.g. `stream A 1.50 of 2.00`. */
const streamGaps = (t: PracticeTarget) =>
  Object.entries(t.streams ?? {})
    .filter(([, s]) => s.gap > 0)
    .map(
      ([stream, s]) => `stream ${stream} ${fmt(s.score)} of ${fmt(s.target)}`,
    )
    .join(', ');

const SOURCE_COLOR = {
  evidence: 'primary',
  attested: 'secondary',
  none: 'default',
} as const;

/**
 * The SAMM score: overall against the tier's target, each practice on the
 * 0–3 scale against its target in the tier's profile (a marker, "x of y",
 * the gap), and for every activity its answer, where it came from and why.
 */
/**
 * Whether an answer was derived from tools' signals (the SAMM module's
 * `samm-signals` scorer) rather than from the records.
 */
export const fromTools = (a: { ruleId?: string }) =>
  Boolean(a.ruleId?.startsWith('samm-signals:'));

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
  const short = Object.values(score.practiceTargets ?? {}).filter(
    t => t.gap > 0,
  ).length;
  return (
    <InfoCard
      title="OWASP SAMM score"
      subheader={
        score.target === null
          ? `Overall ${fmt(score.overall)} of 3; intake sets the target`
          : `Overall ${fmt(score.overall)} of 3, target ${fmt(
              score.target,
            )} (${Math.round(score.percentToTarget ?? 0)}% to target${
              score.practiceTargets
                ? `; ${short} of 15 practices below their target`
                : ''
            })`
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
            const target = score.practiceTargets?.[practice.id];
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
                  aria-label={`${practice.name} ${fmt(value)}${
                    target ? `, ${againstTarget(target)}` : ''
                  }`}
                >
                  <Box width="100%">
                    <Box display="flex" justifyContent="space-between">
                      <Typography variant="body2">{practice.name}</Typography>
                      <Typography variant="body2">
                        {target
                          ? `${fmt(value)} of ${fmt(target.target)}`
                          : fmt(value)}
                      </Typography>
                    </Box>
                    <TargetBar value={value} target={target} />
                    {target && target.gap > 0 && (
                      <Typography variant="caption" color="error">
                        {fmt(target.gap)} below target
                        {target.streams && ` (${streamGaps(target)})`}
                      </Typography>
                    )}
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
                              {fromTools(a) && (
                                <Chip
                                  size="small"
                                  variant="outlined"
                                  label="from tools"
                                  title="Derived from a tool's result pushed by CI: see Evidence from tools"
                                />
                              )}
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

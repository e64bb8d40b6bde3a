import {
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  EntityScore,
  SecurityMaturityRecord,
} from '@secmat/backstage-plugin-security-maturity-common';
import { useSecurityData } from '../../hooks/useSecurityData';
import { SecurityTabProvider } from '../../hooks/useSecurityTab';
import { CampaignChips } from '../Campaigns';
import { DecisionsCard } from '../Decisions';
import { EvidenceCard } from '../Evidence';
import { ExceptionsCard } from '../Exceptions';
import { HistoryCard } from '../History';
import { IntakeCard } from '../Intake';
import { NextStepsCard } from '../NextSteps';
import { RasiCard } from '../Rasi';
import { ReleasesCard } from '../Releases';
import { RoadmapCard } from '../Roadmap';
import { ScoreCard } from '../ScoreCard';
import { SectionCard } from '../SectionCard';
import { serverError } from '../common';
import { StageGatesCard } from '../StageGates';
import { WorksheetsCard } from '../Worksheets';
import { ChangedElsewhere } from './ChangedElsewhere';
import { SectionNav } from './SectionNav';
import { SummaryStrip } from './SummaryStrip';

// The editable sections below the RASI matrix, two to a row on wide screens;
// each has the anchor id `security-<key>`.
const RECORD_CARDS = {
  exceptions: ExceptionsCard,
  worksheets: WorksheetsCard,
  decisions: DecisionsCard,
  releases: ReleasesCard,
  evidence: EvidenceCard,
};

const useStyles = makeStyles({
  // A section jumped to starts below the sticky bar, not under it.
  sections: { '& [id^="security-"]': { scrollMarginTop: 64 } },
});

function Items(props: {
  items: Array<{ key: string; primary: string; secondary?: string }>;
}) {
  return (
    <List dense disablePadding>
      {props.items.map(item => (
        <ListItem key={item.key} disableGutters>
          <ListItemText primary={item.primary} secondary={item.secondary} />
        </ListItem>
      ))}
    </List>
  );
}

function Sections(props: {
  record: SecurityMaturityRecord;
  score: EntityScore;
}) {
  const { record, score } = props;
  const classes = useStyles();
  return (
    <Grid container spacing={3} className={classes.sections}>
      <ChangedElsewhere />
      <Grid item xs={12}>
        <SummaryStrip record={record} score={score} />
      </Grid>
      <CampaignChips scoreVersion={score.computedAt} />
      <SectionNav />
      <Grid item xs={12} id="security-next-steps">
        <NextStepsCard score={score} />
      </Grid>
      <Grid item xs={12} md={6} id="security-score">
        <ScoreCard score={score} />
      </Grid>
      {/* Intake and the gates it decides, side by side with the score. */}
      <Grid item xs={12} md={6}>
        <Grid container direction="column" spacing={3}>
          <Grid item id="security-intake">
            <IntakeCard />
          </Grid>
          <Grid item id="security-stages">
            <StageGatesCard />
          </Grid>
        </Grid>
      </Grid>
      <Grid item xs={12} id="security-rasi">
        <RasiCard />
      </Grid>
      <Grid item xs={12} id="security-roadmap">
        <RoadmapCard />
      </Grid>
      {Object.entries(RECORD_CARDS).map(([key, Card]) => (
        <Grid item xs={12} md={6} key={key} id={`security-${key}`}>
          <Card />
        </Grid>
      ))}
      <Grid item xs={12} md={6}>
        <SectionCard
          title="Scoring"
          subheader="Scorers installed in the backend"
          count={record.scorers.length}
          emptyText="No scorer is installed in the backend. A portal admin adds the SAMM module to the backend to score components against OWASP SAMM."
        >
          <Items
            items={record.scorers.map(s => ({
              key: s.id,
              primary: s.title,
              secondary: s.description,
            }))}
          />
          <Typography variant="caption" color="textSecondary">
            Maturity model: OWASP SAMM v2 (owaspsamm.org), CC BY-SA 4.0.
          </Typography>
        </SectionCard>
      </Grid>
      <Grid item xs={12} id="security-history">
        <HistoryCard />
      </Grid>
    </Grid>
  );
}

/**
 * The Security tab of an entity page: the entity's secure-SDLC records as the
 * security-maturity backend holds them.
 *
 * @public
 */
export function EntitySecurityContent() {
  const { value, loading, error, retry, api, entityRef } = useSecurityData();

  if (loading && !value) {
    return <Progress />;
  }
  if (error) {
    if (serverError(error).name === 'NotFoundError') {
      return (
        <WarningPanel
          severity="info"
          title="No security record for this entity"
          message="The security-maturity backend could not find this entity in the catalog, or you may not read it. If it was just registered, try again after the catalog has processed it."
        />
      );
    }
    return (
      <>
        <ResponseErrorPanel
          error={error}
          title="Could not load the security record"
        />
        <Button variant="outlined" onClick={retry}>
          Try again
        </Button>
      </>
    );
  }
  if (!value) return null;
  const { record, config, score } = value;
  return (
    <SecurityTabProvider
      record={record}
      config={config}
      api={api}
      entityRef={entityRef}
      onChanged={retry}
    >
      <Sections record={record} score={score} />
    </SecurityTabProvider>
  );
}

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
import {
  EntityScore,
  SecurityMaturityRecord,
} from '@secmat/backstage-plugin-security-maturity-common';
import { useSecurityData } from '../../hooks/useSecurityData';
import { SecurityTabProvider } from '../../hooks/useSecurityTab';
import { DecisionsCard } from '../Decisions';
import { ExceptionsCard } from '../Exceptions';
import { RasiCard } from '../Rasi';
import { ReleasesCard } from '../Releases';
import { ScoreCard } from '../ScoreCard';
import { SectionCard } from '../SectionCard';
import { serverError } from '../common';
import { StageGatesCard } from '../StageGates';
import { WorksheetsCard } from '../Worksheets';
import { SummaryStrip } from './SummaryStrip';

// The editable sections below the RASI matrix, two to a row on wide screens.
const RECORD_CARDS = {
  exceptions: ExceptionsCard,
  worksheets: WorksheetsCard,
  decisions: DecisionsCard,
  releases: ReleasesCard,
};

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
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <SummaryStrip record={record} score={score} />
      </Grid>
      <Grid item xs={12} md={6}>
        <ScoreCard score={score} />
      </Grid>
      <Grid item xs={12} md={6}>
        <SectionCard
          title="Intake and risk tier"
          subheader="Intake decides the depth of security work"
          count={record.intake ? 1 : 0}
          emptyText="Not classified yet. The intake classification will appear here: data classification, new integrations, auth-flow changes, internet exposure and regulatory obligations, and the risk tier they yield. The tier decides which stage gates this component needs and its target maturity. The component's owners record it."
        >
          {record.intake && (
            <Items
              items={[
                {
                  key: 'tier',
                  primary: `Tier ${record.intake.tier}`,
                  secondary: `${record.intake.tierReason}; classified by ${
                    record.intake.updatedBy
                  } on ${new Date(
                    record.intake.updatedAt,
                  ).toLocaleDateString()}`,
                },
              ]}
            />
          )}
        </SectionCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <StageGatesCard />
      </Grid>
      <Grid item xs={12}>
        <RasiCard />
      </Grid>
      {Object.entries(RECORD_CARDS).map(([key, Card]) => (
        <Grid item xs={12} md={6} key={key}>
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

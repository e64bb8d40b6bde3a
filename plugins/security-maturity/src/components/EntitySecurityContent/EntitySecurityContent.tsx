import {
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { CompoundEntityRef } from '@backstage/catalog-model';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import {
  EntityScore,
  SecurityMaturityApi,
  SecurityMaturityRecord,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { ExceptionsCard } from '../Exceptions';
import { RasiCard } from '../Rasi';
import { ScoreCard } from '../ScoreCard';
import { StageGatesCard } from '../StageGates';
import { serverError } from './ConflictAlert';
import { useSecurityData } from './useSecurityData';
import { SectionCard } from '../SectionCard';
import { SummaryStrip } from './SummaryStrip';

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

type SectionsProps = {
  record: SecurityMaturityRecord;
  config: WorkflowConfig;
  score: EntityScore;
  api: SecurityMaturityApi;
  entityRef: CompoundEntityRef;
  onChanged: () => void;
};

function Sections(props: SectionsProps) {
  const { record, score } = props;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <SummaryStrip record={record} score={score} />
      </Grid>
      <Grid item xs={12} md={6}>
        <ScoreCard score={score} section={props} />
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
        <StageGatesCard {...props} />
      </Grid>
      <Grid item xs={12}>
        <RasiCard {...props} />
      </Grid>
      <Grid item xs={12} md={6}>
        <ExceptionsCard {...props} />
      </Grid>
      <Grid item xs={12} md={6}>
        <SectionCard
          title="Runtime investigation worksheets"
          subheader="Incidents and drills"
          count={record.worksheets.length}
          emptyText="No incidents or drills yet. Worksheets will appear here with readiness checks, containment owners (isolate traffic, revoke access, freeze rollout, approve recovery), the timeline, findings and lessons learned that feed the next planning cycle."
        >
          <Items
            items={record.worksheets.map(w => ({
              key: w.id,
              primary: w.title,
              secondary: `${w.kind}, ${w.status}`,
            }))}
          />
        </SectionCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <SectionCard
          title="Threat-model decision log"
          subheader="Decisions from threat modeling, with owners and re-review triggers"
          count={record.decisions.length}
          emptyText="No decisions logged yet. Each decision from a threat-modeling session will appear here with its trigger, rationale, owner, linked backlog item, status and re-review date."
        >
          <Items
            items={record.decisions.map(d => ({
              key: d.id,
              primary: d.decision,
              secondary: d.status,
            }))}
          />
        </SectionCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <SectionCard
          title="Release decisions"
          subheader="Go / no-go, decided by a person"
          count={record.releases.length}
          emptyText="No release decisions yet. Each release will appear here with its go/no-go decision, approver and evidence: pipeline run, scan results, signature and provenance, SLSA build level. A pipeline may push evidence; a person decides."
        >
          <Items
            items={record.releases.map(r => ({
              key: r.id,
              primary: r.release,
              secondary: r.decision.replace('_', '-'),
            }))}
          />
        </SectionCard>
      </Grid>
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
  return value ? (
    <Sections {...value} api={api} entityRef={entityRef} onChanged={retry} />
  ) : null;
}

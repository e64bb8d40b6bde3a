import {
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { SecurityMaturityRecord } from '@secmat/backstage-plugin-security-maturity-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { securityMaturityApiRef } from '../../api';
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

function Sections(props: { record: SecurityMaturityRecord }) {
  const { record } = props;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <SummaryStrip record={record} />
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
        <SectionCard
          title="Stage gates"
          subheader="Secure SDLC, from intake to continuous governance"
          count={record.stages.length}
          emptyText="No stage gates recorded yet. Each stage of the secure SDLC will appear here with its status, exit-criteria checklist, evidence links and sign-off by its Accountable. Which stages apply follows from the risk tier."
        >
          <Items
            items={record.stages.map(s => ({
              key: s.stageId,
              primary: s.stageId,
              secondary: s.status.replace('_', ' '),
            }))}
          />
        </SectionCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <SectionCard
          title="RASI ownership"
          subheader="Responsible, Accountable, Supportive, Informed"
          count={record.rasi.length}
          emptyText="Nobody is assigned yet. Each security activity (threat modeling, design review, release sign-off, exception approval, incident containment) will list its Responsible, Accountable, Supportive and Informed catalog users or groups here, with exactly one Accountable."
        >
          <Items
            items={record.rasi.map(a => ({
              key: a.activityId,
              primary: a.activityId,
              secondary: `Accountable: ${a.accountable}`,
            }))}
          />
        </SectionCard>
      </Grid>
      <Grid item xs={12} md={6}>
        <SectionCard
          title="Baseline exceptions"
          subheader="Platform baseline and exception register"
          count={record.exceptions.length}
          emptyText="No exceptions. Exceptions to platform baseline controls will appear here with their justification, compensating controls, risk rating and expiry. Owners request them and security leads approve or reject them; expired exceptions count against the component."
        >
          <Items
            items={record.exceptions.map(e => ({
              key: e.id,
              primary: `${e.controlId} (${e.status})`,
              secondary: `Expires ${new Date(
                e.expiresAt,
              ).toLocaleDateString()}`,
            }))}
          />
        </SectionCard>
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
  const { entity } = useEntity();
  const api = useApi(securityMaturityApiRef);
  const entityRef = getCompoundEntityRef(entity);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getEntityRecord(entityRef),
    [api, entityRef.kind, entityRef.namespace, entityRef.name],
  );

  if (loading && !value) {
    return <Progress />;
  }
  if (error) {
    if (error.name === 'NotFoundError') {
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
  return value ? <Sections record={value} /> : null;
}

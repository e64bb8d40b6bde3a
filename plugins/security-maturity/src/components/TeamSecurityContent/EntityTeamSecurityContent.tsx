import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import {
  Entity,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import {
  isoDayBefore,
  normalizeEntityRef,
  OrgOverview,
  OrgRollup,
} from '@secmat/backstage-plugin-security-maturity-common';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useOrgUnitOverview } from '../../hooks/useOrgData';
import { serverError } from '../common';
import { Headline } from '../OrgPage/Headline';
import { Heatmap } from '../OrgPage/Heatmap';
import {
  BottlenecksPanel,
  ExceptionsPanel,
  Panel,
  RasiPanel,
} from '../OrgPage/Panels';
import { ProgressPanel } from '../OrgPage/ProgressPanel';
import { RollupTable } from '../OrgPage/RollupTable';
import { useSecurityTabLink } from '../OrgPage/useSecurityTabLink';
import { TeamComponents } from './TeamComponents';

const titleOf = (entity: Entity) =>
  (entity.spec?.profile as { displayName?: string } | undefined)?.displayName ??
  entity.metadata.title ??
  entity.metadata.name;

/** What the view covers, in the words of the entity's kind. */
function coverage(kind: string, title: string) {
  switch (kind.toLocaleLowerCase('en-US')) {
    case 'group':
      return `the components owned by ${title} and the groups below it`;
    case 'system':
      return `the components of the ${title} system`;
    default:
      return `the components of the systems in ${title}`;
  }
}

/**
 * The heatmap's rows: the unit's own practice row first, then the groups
 * below it (a group) or owning its components (a system or domain). A
 * group's own row is already the first of its rollups.
 */
function practiceRows(o: OrgOverview, ref: string, title: string) {
  if (o.groups[0]?.ref === ref) return o.groups;
  const own: OrgRollup = {
    ref,
    title,
    parentRef: null,
    depth: 0,
    components: o.components,
    overall: o.overall,
    percentToTarget: o.percentToTarget,
    belowTarget: o.belowTarget,
    functions: o.functions,
    practices: o.practices,
    practiceTargets: o.practiceTargets,
    ...(o.progress ? { progress: o.progress } : {}),
  };
  return [own, ...o.groups.map(g => ({ ...g, depth: g.depth + 1 }))];
}

function Refused(props: { error: Error }) {
  const { name, message } = serverError(props.error);
  if (name === 'NotAllowedError') {
    return (
      <Alert severity="info">
        <AlertTitle>This Security tab is not open to you</AlertTitle>
        {message}
      </Alert>
    );
  }
  if (name === 'NotFoundError') {
    return (
      <WarningPanel
        severity="info"
        title="No security view for this entity"
        message="The security-maturity backend could not find this entity in the catalog, or you may not read it. If it was just registered, try again in a minute."
      />
    );
  }
  return (
    <ResponseErrorPanel
      error={props.error}
      title="Could not load the security view"
    />
  );
}

/**
 * The Security tab of a Group, System or Domain entity page: the rollup of
 * the components below it, its practice row, the components, blocked gates,
 * expiring exceptions and RASI gaps. For the group's members (and members of
 * the groups above it), the system's or domain's owners, and security leads.
 * Counts and scores only: exception justifications stay on each component's
 * own tab.
 *
 * @public
 */
export function EntityTeamSecurityContent() {
  const { entity } = useEntity();
  const unit = getCompoundEntityRef(entity);
  const ref = normalizeEntityRef(stringifyEntityRef(entity));
  const title = titleOf(entity);
  const [withinDays, setWithinDays] = useState(30);
  const [since, setSince] = useState(() => isoDayBefore(90));
  const overview = useOrgUnitOverview(unit, withinDays, since);
  const linkTo = useSecurityTabLink();
  const navigate = useNavigate();

  if (overview.error) return <Refused error={overview.error} />;
  if (!overview.value) return <Progress />;
  const o = overview.value;
  if (o.components === 0) {
    return (
      <EmptyState
        missing="data"
        title={`No scored component below ${title}`}
        description={`This tab rolls up ${coverage(
          entity.kind,
          title,
        )}. They appear after the next scheduled rescoring, or as soon as someone records something on a component's Security tab.`}
      />
    );
  }
  const isGroup = entity.kind.toLocaleLowerCase('en-US') === 'group';
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Typography variant="body2" color="textSecondary">
          Where {coverage(entity.kind, title)} stand: OWASP SAMM scores, stage
          gates, exceptions and RASI ownership.
        </Typography>
      </Grid>
      <Grid item xs={12}>
        <Headline overview={o} />
      </Grid>
      <Panel
        title="Practices"
        subheader="Against the tiers' targets; choose a group for its Security tab"
      >
        <Heatmap
          groups={practiceRows(o, ref, title)}
          onSelect={r => navigate(linkTo(r))}
        />
      </Panel>
      <Panel title="Progress" subheader="How the scores moved since a day">
        <ProgressPanel since={since} onSince={setSince} progress={o.progress} />
      </Panel>
      <Panel title="By group" subheader="Nested groups included" half>
        <RollupTable label="Group" rows={o.groups} linkTo={linkTo} />
      </Panel>
      <Panel title={isGroup ? 'By system' : 'By system and domain'} half>
        <RollupTable label="System" rows={o.systems} linkTo={linkTo} />
        {!isGroup && (
          <RollupTable label="Domain" rows={o.domains} linkTo={linkTo} />
        )}
      </Panel>
      <Panel
        title="Components"
        subheader="Lowest score first; open one for its Security tab"
      >
        <TeamComponents unit={unit} />
      </Panel>
      <Panel
        title="Gate bottlenecks"
        subheader="Required gates not yet cleared"
        half
      >
        <BottlenecksPanel overview={o} />
      </Panel>
      <Panel title="Exceptions" subheader="Expired, and expiring soon" half>
        <ExceptionsPanel
          overview={o}
          withinDays={withinDays}
          onWithinDays={setWithinDays}
        />
      </Panel>
      <Panel
        title="RASI gaps"
        subheader="Activities without an Accountable, and who supports these components"
      >
        <RasiPanel overview={o} />
      </Panel>
      <Grid item xs={12}>
        <Typography variant="caption" color="textSecondary">
          Counts and scores only: the text of an exception stays on its
          component's Security tab. Maturity model: OWASP SAMM v2 by the OWASP
          SAMM project (CC BY-SA 4.0). Benchmark averages: {o.benchmark.source}.
        </Typography>
      </Grid>
    </Grid>
  );
}

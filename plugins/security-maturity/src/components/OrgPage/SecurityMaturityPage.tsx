import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  isoDayBefore,
  OrgScope,
} from '@secmat/backstage-plugin-security-maturity-common';
import { useState } from 'react';
import {
  useComponentPage,
  useFacets,
  useOverview,
  useTrend,
} from '../../hooks/useOrgData';
import { serverError } from '../common';
import { DistributionChart, FunctionChart, TrendChart } from './Charts';
import { CampaignsPanel } from './CampaignsPanel';
import { ComponentsTable } from './ComponentsTable';
import { ExportPack } from './ExportPack';
import { Headline } from './Headline';
import { Heatmap } from './Heatmap';
import { OrgFilters } from './OrgFilters';
import { BottlenecksPanel, ExceptionsPanel, Panel, RasiPanel } from './Panels';
import { ProgressPanel } from './ProgressPanel';
import { RollupTable } from './RollupTable';
import { StaffingPanel } from './StaffingPanel';
import { useOrgFilter } from './useOrgFilter';

/** For someone a permission policy grants part of the organisation. */
function ScopeNote(props: { scope: OrgScope }) {
  const { groups } = props.scope;
  const titles = groups.map(g => g.title).join(', ');
  return (
    <Alert severity="info">
      You see {titles} and the groups below{' '}
      {groups.length === 1 ? 'it' : 'them'}: the part of the organisation a
      permission policy grants you. The whole organisation is for security
      leads.
    </Alert>
  );
}

/** Progress is shown since this many days ago until the reader picks a day. */
const DEFAULT_SINCE_DAYS = 90;
const DEFAULT_SINCE = () => isoDayBefore(DEFAULT_SINCE_DAYS);

function Body() {
  const { filter, query, setFilter, setSort, setPage, clear } = useOrgFilter();
  const [withinDays, setWithinDays] = useState(30);
  const [since, setSince] = useState(DEFAULT_SINCE);
  const facets = useFacets();
  const overview = useOverview(filter, withinDays, since);
  const components = useComponentPage(query);
  const trend = useTrend(filter);

  const error = facets.error ?? overview.error;
  if (error) {
    const { name, message } = serverError(error);
    if (name === 'NotAllowedError') {
      // The backend says who may see what, and where a team's views are.
      return <Alert severity="info">{message}</Alert>;
    }
    return <ResponseErrorPanel error={error} />;
  }
  if (!facets.value || !overview.value) return <Progress />;
  const o = overview.value;
  const unfiltered = Object.keys(filter).length === 0;
  if (o.components === 0 && unfiltered) {
    return (
      <EmptyState
        missing="data"
        title="No component is scored yet"
        description="Scores appear after the first scheduled rescoring (securityMaturity.scoring.schedule), or as soon as someone records something on a component's Security tab."
      />
    );
  }
  return (
    <Grid container spacing={3}>
      {!facets.value.scope.wholeOrg && (
        <Grid item xs={12}>
          <ScopeNote scope={facets.value.scope} />
        </Grid>
      )}
      <Grid item xs={12}>
        <OrgFilters
          facets={facets.value}
          filter={filter}
          onChange={setFilter}
          onClear={clear}
        />
      </Grid>
      <Grid item xs={12}>
        <Headline overview={o} />
      </Grid>
      <Panel
        title="Campaigns"
        subheader="Goals over a scope of components by a date: progress, burn-up and who still has work to do"
      >
        <CampaignsPanel filter={filter} facets={facets.value} />
      </Panel>
      <Panel
        title="Trend"
        subheader="Mean score of these components per day (last 180 days)"
        half
      >
        {trend.value ? (
          <TrendChart points={trend.value.points} benchmark={o.benchmark} />
        ) : (
          <Progress />
        )}
      </Panel>
      <Panel
        title="Business functions"
        subheader={`Mean score against the ${o.benchmark.source} averages`}
        half
      >
        <FunctionChart overview={o} />
      </Panel>
      <Panel
        title="Practices by group"
        subheader="Each group's components, nested groups included, against their tiers' targets; choose a group to filter"
      >
        <Heatmap groups={o.groups} onSelect={ref => setFilter('owner', ref)} />
      </Panel>
      <Panel
        title="Progress"
        subheader="How these components' scores moved since a day"
      >
        <ProgressPanel since={since} onSince={setSince} progress={o.progress} />
      </Panel>
      <Panel title="By group" half>
        <RollupTable
          label="Group"
          rows={o.groups}
          onSelect={ref => setFilter('owner', ref)}
        />
      </Panel>
      <Panel title="By system and domain" half>
        <RollupTable
          label="System"
          rows={o.systems}
          onSelect={ref => setFilter('system', ref)}
        />
        <RollupTable
          label="Domain"
          rows={o.domains}
          onSelect={ref => setFilter('domain', ref)}
        />
      </Panel>
      <Panel
        title="Components"
        subheader="Sorted and paged on the server; open one for its Security tab"
      >
        {components.error && <ResponseErrorPanel error={components.error} />}
        {components.value ? (
          <ComponentsTable
            page={components.value}
            query={query}
            onSort={setSort}
            onPage={setPage}
          />
        ) : (
          !components.error && <Progress />
        )}
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
      <Panel title="Score distribution" half>
        <DistributionChart overview={o} />
      </Panel>
      <Panel title="RASI coverage" half>
        <RasiPanel overview={o} />
      </Panel>
      <Panel
        title="Staffing and capacity"
        subheader="Security partners' load against their capacity per quarter; the staffing workbook's round trip"
      >
        <StaffingPanel filter={filter} />
      </Panel>
      <Grid item xs={12}>
        <Typography variant="caption" color="textSecondary">
          Maturity model: OWASP SAMM v2 by the OWASP SAMM project (CC BY-SA
          4.0). Benchmark averages: {o.benchmark.source}.
        </Typography>
      </Grid>
    </Grid>
  );
}

/**
 * The org-wide scorecard for security leads (or the subtrees of groups a
 * permission policy grants someone): filters, headline, trend,
 * heatmap, rollups, components, bottlenecks, exceptions, RASI coverage and
 * the quarterly metrics pack.
 */
export function SecurityMaturityPage() {
  const { filter } = useOrgFilter();
  return (
    <Page themeId="tool">
      <Header
        title="Security maturity"
        subtitle="OWASP SAMM scores, stage gates, exceptions and ownership across the organisation"
      />
      <Content>
        <ContentHeader title="Quarterly metrics pack">
          <ExportPack filter={filter} />
        </ContentHeader>
        <Body />
      </Content>
    </Page>
  );
}

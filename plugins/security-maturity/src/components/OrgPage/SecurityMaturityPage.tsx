import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { OrgOverview } from '@secmat/backstage-plugin-security-maturity-common';
import { ReactNode, useState } from 'react';
import {
  useComponentPage,
  useFacets,
  useOverview,
  useTrend,
} from '../../hooks/useOrgData';
import { serverError } from '../common';
import { DistributionChart, FunctionChart, TrendChart } from './Charts';
import { ComponentsTable } from './ComponentsTable';
import { ExportPack } from './ExportPack';
import { score, percent } from './format';
import { Heatmap } from './Heatmap';
import { OrgFilters } from './OrgFilters';
import { BottlenecksPanel, ExceptionsPanel, RasiPanel } from './Panels';
import { RollupTable } from './RollupTable';
import { useOrgFilter } from './useOrgFilter';

function Headline(props: { overview: OrgOverview }) {
  const { overview: o } = props;
  const figures: Array<[string, string]> = [
    ['Components', String(o.components)],
    [
      'Mean SAMM score',
      `${score(o.overall)} (benchmark ${o.benchmark.overall})`,
    ],
    ['Mean percent to target', percent(o.percentToTarget)],
    ['Below target', String(o.belowTarget)],
    ['Expired exceptions', String(o.exceptions.expired)],
  ];
  return (
    <Grid container spacing={2}>
      {figures.map(([label, value]) => (
        <Grid item xs={6} md key={label}>
          <InfoCard>
            <Typography variant="overline">{label}</Typography>
            <Typography variant="h5" aria-label={label}>
              {value}
            </Typography>
          </InfoCard>
        </Grid>
      ))}
    </Grid>
  );
}

/** One card of the page: full width, or half of it on large screens. */
function Panel(props: {
  title: string;
  subheader?: string;
  half?: boolean;
  children: ReactNode;
}) {
  return (
    <Grid item xs={12} lg={props.half ? 6 : undefined}>
      <InfoCard title={props.title} subheader={props.subheader}>
        {props.children}
      </InfoCard>
    </Grid>
  );
}

function Body() {
  const { filter, query, setFilter, setSort, setPage, clear } = useOrgFilter();
  const [withinDays, setWithinDays] = useState(30);
  const facets = useFacets();
  const overview = useOverview(filter, withinDays);
  const components = useComponentPage(query);
  const trend = useTrend(filter);

  const error = facets.error ?? overview.error;
  if (error) {
    const { name, message } = serverError(error);
    if (name === 'NotAllowedError') {
      return (
        <Alert severity="info">
          This page is for security leads. {message}
        </Alert>
      );
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
        subheader="Mean practice score (0–3) of each group's components, nested groups included; choose a group to filter"
      >
        <Heatmap groups={o.groups} onSelect={ref => setFilter('owner', ref)} />
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
 * The org-wide scorecard for security leads: filters, headline, trend,
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

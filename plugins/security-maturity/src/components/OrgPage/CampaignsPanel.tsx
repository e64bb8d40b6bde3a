import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import {
  CampaignBurnUpPoint,
  CampaignDetail,
  campaignGoalText,
  CampaignSummary,
  OrgFacets,
  OrgFilter,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { securityMaturityApiRef } from '../../api';
import { useMutation } from '../../hooks/useMutation';
import { ChangeErrorAlert, serverError } from '../common';
import { CampaignDialog, scopeText } from './CampaignDialog';
import { score, shortRef } from './format';
import { useSecurityTabLink } from './useSecurityTabLink';

const MISSING_PAGE = 10;

const share = (p: { meeting: number; total: number }) =>
  p.total === 0 ? 0 : Math.round((100 * p.meeting) / p.total);

/**
 * Components meeting the goal per day against those in scope: the same
 * charting as the score trends (recharts, fixed size).
 */
export function BurnUpChart(props: {
  points: CampaignBurnUpPoint[];
  targetDay: string;
  width?: number;
  height?: number;
}) {
  const theme = useTheme();
  const { points } = props;
  if (points.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No burn-up yet: it starts on the campaign's start day.
      </Typography>
    );
  }
  const data = points.map(p => ({
    day: p.day,
    'Meeting the goal': p.meeting,
    'In scope': p.total,
  }));
  return (
    <figure style={{ margin: 0 }} aria-label="Campaign burn-up">
      <LineChart
        width={props.width ?? 560}
        height={props.height ?? 220}
        data={data}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="day" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        <Line
          type="stepAfter"
          dataKey="Meeting the goal"
          stroke={theme.palette.success.main}
          strokeWidth={3}
          dot={points.length < 2}
          isAnimationActive={false}
        />
        <Line
          type="stepAfter"
          dataKey="In scope"
          stroke={theme.palette.text.secondary}
          strokeDasharray="4 2"
          dot={false}
          isAnimationActive={false}
        />
        {points.some(p => p.day >= props.targetDay) && (
          <ReferenceLine
            x={props.targetDay}
            stroke={theme.palette.error.main}
            label="Target date"
          />
        )}
      </LineChart>
    </figure>
  );
}

/** The components still missing the goal, with their owners; paged on the server. */
function MissingTable(props: { campaignId: string; version: string }) {
  const api = useApi(securityMaturityApiRef);
  const linkTo = useSecurityTabLink();
  const [page, setPage] = useState(0);
  const { value, error } = useAsync(
    () =>
      api.listCampaignMissing(props.campaignId, {
        limit: MISSING_PAGE,
        offset: page * MISSING_PAGE,
      }),
    [api, props.campaignId, props.version, page],
  );
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value) return <Progress />;
  if (value.totalCount === 0) {
    return (
      <Typography variant="body2">
        Every component in scope meets the goal.
      </Typography>
    );
  }
  return (
    <>
      <Table size="small" aria-label="Components still missing the goal">
        <TableHead>
          <TableRow>
            <TableCell>Component</TableCell>
            <TableCell>Owner</TableCell>
            <TableCell>System</TableCell>
            <TableCell>Tier</TableCell>
            <TableCell align="right">Score</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {value.items.map(c => (
            <TableRow key={c.entityRef} hover>
              <TableCell>
                <Link to={linkTo(c.entityRef)}>{shortRef(c.entityRef)}</Link>
              </TableCell>
              <TableCell>{shortRef(c.ownerRef)}</TableCell>
              <TableCell>{shortRef(c.systemRef)}</TableCell>
              <TableCell>{c.tier ?? '–'}</TableCell>
              <TableCell align="right">{score(c.overall)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <TablePagination
        component="div"
        count={value.totalCount}
        page={page}
        rowsPerPage={MISSING_PAGE}
        rowsPerPageOptions={[MISSING_PAGE]}
        onPageChange={(_, p) => setPage(p)}
      />
    </>
  );
}

/** One campaign: what it asks, its burn-up and who still has work to do. */
function CampaignView(props: {
  detail: CampaignDetail;
  facets?: OrgFacets;
  config: WorkflowConfig;
  onChanged: () => void;
}) {
  const { detail, facets, config } = props;
  const api = useApi(securityMaturityApiRef);
  const { campaign: c, progress, burnUp } = detail;
  const { busy, error, run } = useMutation(props.onChanged);
  return (
    <Box mt={2} data-testid="campaign-detail">
      <Typography variant="h6">{c.title}</Typography>
      <Typography variant="body2" gutterBottom>
        {campaignGoalText(c.goal, config)} for {scopeText(c.scope, facets)},
        from {c.startDay} by {c.targetDay}; run by {shortRef(c.ownerRef)}
        {c.reminderCadenceDays
          ? `, reminding owners every ${c.reminderCadenceDays} days`
          : ', without reminders'}
        .
      </Typography>
      <Typography variant="subtitle1" data-testid="campaign-progress">
        {progress.meeting} of {progress.total} components meet the goal (
        {share(progress)}%)
      </Typography>
      <BurnUpChart points={burnUp.points} targetDay={c.targetDay} />
      <Typography variant="caption" color="textSecondary" component="p">
        {burnUp.source === 'score-snapshots'
          ? 'Per day from the daily score snapshots of the components in scope now; today is the live count.'
          : 'Per day from the campaign\u2019s own daily count, kept since the campaign started (the score snapshots hold no stages, RASI or exceptions); today is the live count.'}
      </Typography>
      <Typography variant="subtitle2" style={{ marginTop: 16 }}>
        Still missing the goal
      </Typography>
      <MissingTable campaignId={c.id} version={`${c.version}-${progress.meeting}`} />
      {!c.archived && (
        <Box mt={1}>
          <Button
            size="small"
            disabled={busy}
            onClick={() =>
              run(() => api.archiveCampaign(c.id, { version: c.version }))
            }
          >
            Archive campaign
          </Button>
          <ChangeErrorAlert error={error} onReload={props.onChanged} />
        </Box>
      )}
    </Box>
  );
} // prettier-ignore

/**
 * The campaigns of the org page: each with how many components of its scope
 * meet its goal; one opened with its burn-up and missing components; and a
 * new one from the page's filters (security leads).
 */
export function CampaignsPanel(props: {
  filter: OrgFilter;
  facets?: OrgFacets;
}) {
  const api = useApi(securityMaturityApiRef);
  const [selected, setSelected] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const config = useAsync(() => api.getWorkflowConfig(), [api]);
  const list = useAsyncRetry(async () => api.listCampaigns(), [api]);
  const detail = useAsyncRetry(
    async () => (selected ? api.getCampaign(selected) : undefined),
    [api, selected],
  );
  const reload = () => {
    list.retry();
    detail.retry();
  };
  const create = useMutation(reload);

  if (list.error) {
    const { name, message } = serverError(list.error);
    if (name === 'NotAllowedError') return <Alert severity="info">{message}</Alert>;
    return <ResponseErrorPanel error={list.error} />;
  }
  if (!list.value || !config.value) return <Progress />;
  const items: CampaignSummary[] = list.value.items;
  return (
    <>
      <Box display="flex" justifyContent="flex-end">
        <Button variant="outlined" color="primary" onClick={() => setCreating(true)}>
          New campaign
        </Button>
      </Box>
      {items.length === 0 ? (
        <Typography variant="body2">
          No campaign yet. Filter the page to the components a goal is for,
          then start one.
        </Typography>
      ) : (
        <Table size="small" aria-label="Campaigns">
          <TableHead>
            <TableRow>
              <TableCell>Campaign</TableCell>
              <TableCell>Goal</TableCell>
              <TableCell>Scope</TableCell>
              <TableCell>Target date</TableCell>
              <TableCell style={{ minWidth: 200 }}>Meeting the goal</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map(c => (
              <TableRow
                key={c.id}
                hover
                selected={c.id === selected}
                onClick={() => setSelected(c.id)}
                style={{ cursor: 'pointer' }}
              >
                <TableCell>
                  <Link to="#" onClick={e => { e.preventDefault(); setSelected(c.id); }}>
                    {c.title}
                  </Link>
                </TableCell>
                <TableCell>{campaignGoalText(c.goal, config.value)}</TableCell>
                <TableCell>{scopeText(c.scope, props.facets)}</TableCell>
                <TableCell>{c.targetDay}</TableCell>
                <TableCell>
                  {c.progress.meeting} of {c.progress.total}
                  <LinearProgress
                    variant="determinate"
                    value={share(c.progress)}
                    aria-label={`${c.title}: ${share(c.progress)}% meet the goal`}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {detail.error && <ResponseErrorPanel error={detail.error} />}
      {selected && !detail.value && !detail.error && <Progress />}
      {detail.value && (
        <CampaignView
          detail={detail.value}
          facets={props.facets}
          config={config.value}
          onChanged={reload}
        />
      )}
      {creating && (
        <CampaignDialog
          filter={props.filter}
          facets={props.facets}
          config={config.value}
          busy={create.busy}
          error={create.error}
          onClose={() => setCreating(false)}
          onSubmit={async input => {
            let id: string | undefined;
            const saved = await create.run(async () => {
              id = (await api.createCampaign(input)).id;
            });
            if (saved) {
              setCreating(false);
              setSelected(id);
            }
          }}
        />
      )}
    </>
  );
} // prettier-ignore

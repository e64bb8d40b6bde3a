import { InfoCard, Link } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { OrgOverview } from '@secmat/backstage-plugin-security-maturity-common';
import { ReactNode } from 'react';
import { daysUntil, SelectField } from '../common';
import { FiguresTable } from './FiguresTable';
import { shortRef } from './format';
import { useSecurityTabLink } from './useSecurityTabLink';

/** One card of an org view: full width, or half of it on large screens. */
export function Panel(props: {
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

const WITHIN_DAYS = [14, 30, 60, 90].map(d => ({
  value: d,
  label: `${d} days`,
}));

/** Per stage: how many required gates are stuck, and for how long. */
export function BottlenecksPanel(props: { overview: OrgOverview }) {
  return (
    <FiguresTable
      label="Gate bottlenecks"
      columns={[
        'Stage',
        'In progress',
        'Blocked',
        'Not started',
        'Median days in status',
      ]}
      rows={props.overview.bottlenecks.map(b => ({
        key: b.stageId,
        cells: [
          b.title,
          b.inProgress,
          b.blocked,
          b.notStarted,
          b.medianDaysInStatus === null ? '–' : b.medianDaysInStatus.toFixed(1),
        ],
      }))}
    />
  );
}

/** Expired exceptions and approved ones expiring soon; never their text. */
export function ExceptionsPanel(props: {
  overview: OrgOverview;
  withinDays: number;
  onWithinDays: (days: number) => void;
}) {
  const { overview, withinDays, onWithinDays } = props;
  const linkTo = useSecurityTabLink();
  return (
    <>
      <SelectField
        id="within"
        label="Expiring within"
        value={withinDays}
        options={WITHIN_DAYS}
        onChange={onWithinDays}
        style={{ minWidth: 160, marginBottom: 8 }}
      />
      <Typography variant="body2" gutterBottom>
        {overview.exceptions.expired} expired, {overview.exceptions.expiring}{' '}
        expiring within {withinDays} days
      </Typography>
      {overview.exceptions.items.length > 0 && (
        <FiguresTable
          label="Exceptions expired or expiring"
          columns={['Component', 'Control', 'Risk', 'Expiry']}
          figuresFrom={3}
          rows={overview.exceptions.items.map(x => ({
            key: x.id,
            cells: [
              <Link to={linkTo(x.entityRef)}>{shortRef(x.entityRef)}</Link>,
              x.controlId,
              x.riskRating,
              x.status === 'expired'
                ? 'expired'
                : `${x.expiresAt.slice(0, 10)} (${daysUntil(
                    x.expiresAt,
                  )} days)`,
            ],
          }))}
        />
      )}
    </>
  );
}

/** Activities without an Accountable, and who supports how many components. */
export function RasiPanel(props: { overview: OrgOverview }) {
  const { rasi } = props.overview;
  return (
    <>
      <FiguresTable
        label="RASI coverage"
        columns={['Activity', 'With an Accountable', 'Without']}
        rows={rasi.activities.map(a => ({
          key: a.activityId,
          cells: [a.title, a.covered, a.missingAccountable],
        }))}
      />
      <Typography variant="subtitle2" style={{ marginTop: 16 }}>
        Security partners (Supportive)
      </Typography>
      {rasi.partners.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          Nobody is Supportive for these components yet.
        </Typography>
      ) : (
        <FiguresTable
          label="Security partners"
          columns={['Partner', 'Components', 'Assignments']}
          rows={rasi.partners.map(p => ({
            key: p.ref,
            cells: [shortRef(p.ref), p.components, p.assignments],
          }))}
        />
      )}
    </>
  );
}

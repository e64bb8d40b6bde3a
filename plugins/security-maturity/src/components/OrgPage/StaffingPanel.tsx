import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  CapacityPartner,
  CapacityView,
  OrgFilter,
  Quarter,
  StaffingApplyResult,
  StaffingPreview,
} from '@secmat/backstage-plugin-security-maturity-common';
import { ChangeEvent, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { securityMaturityApiRef } from '../../api';
import { useMutation } from '../../hooks/useMutation';
import {
  ChangeErrorAlert,
  downloadBlob,
  SelectField,
  serverError,
} from '../common';
import { recentQuarters, shortRef } from './format';

const pct = (u: number | null) =>
  u === null ? '–' : `${Math.round(u * 100)}%`;

/** A partner's capacity, editable in place by security leads. */
function CapacityCell(props: {
  partner: CapacityPartner;
  quarter: string;
  onSaved: () => void;
}) {
  const api = useApi(securityMaturityApiRef);
  const { partner } = props;
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(String(partner.capacity ?? ''));
  const { busy, error, run } = useMutation(props.onSaved);
  if (!editing) {
    return (
      <>
        {partner.capacity ?? '–'}{' '}
        <Button
          size="small"
          aria-label={`Set the capacity of ${shortRef(partner.ref)}`}
          onClick={() => setEditing(true)}
        >
          Set
        </Button>
      </>
    );
  }
  const save = async () => {
    const saved = await run(() =>
      api.putStaffingCapacity({
        partnerRef: partner.ref,
        quarter: props.quarter as Quarter,
        capacity: Number(value),
        version: partner.capacityVersion,
      }),
    );
    if (saved) setEditing(false);
  };
  return (
    <Box display="flex" alignItems="center" style={{ gap: 8 }}>
      <TextField
        size="small"
        type="number"
        inputProps={{
          min: 0,
          'aria-label': `Capacity of ${shortRef(partner.ref)}`,
        }}
        value={value}
        onChange={e => setValue(e.target.value)}
        style={{ width: 90 }}
      />
      <Button size="small" color="primary" disabled={busy} onClick={save}>
        Save
      </Button>
      <Button size="small" onClick={() => setEditing(false)}>
        Cancel
      </Button>
      <ChangeErrorAlert error={error} onReload={props.onSaved} />
    </Box>
  );
}

/** A capacity, or its move in a previewed import. */
function capacityText(p?: CapacityPartner, a?: CapacityPartner) {
  if (p && a && p.capacity !== a.capacity) {
    return `${p.capacity ?? '–'} → ${a.capacity ?? '–'}`;
  }
  return (a ?? p)?.capacity ?? '–';
}

/** Partners' load against capacity; `after` shows a previewed import's effect. */
function CapacityTable(props: {
  view: CapacityView;
  after?: CapacityView;
  onSaved?: () => void;
}) {
  const { view, after } = props;
  const unit = view.unit === 'hours' ? 'hours' : 'components';
  const afterOf = (ref: string) => after?.partners.find(p => p.ref === ref);
  const refs = [
    ...view.partners.map(p => p.ref),
    ...(after?.partners ?? [])
      .map(p => p.ref)
      .filter(r => !view.partners.some(p => p.ref === r)),
  ];
  if (refs.length === 0) {
    return (
      <Typography variant="body2">
        No security partner supports these components yet (Supportive in their
        RASI).
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Capacity per partner">
      <TableHead>
        <TableRow>
          <TableCell>Partner</TableCell>
          <TableCell>Team</TableCell>
          <TableCell align="right">Components here</TableCell>
          <TableCell align="right">Load ({unit})</TableCell>
          <TableCell align="right">Capacity ({unit})</TableCell>
          <TableCell align="right">Utilisation</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {refs.map(ref => {
          const p = view.partners.find(x => x.ref === ref);
          const a = afterOf(ref);
          const shown = a ?? p!;
          const moved = (k: 'load' | 'capacity' | 'utilisation') =>
            a && p && a[k] !== p[k];
          return (
            <TableRow key={ref} data-testid={`capacity-${shortRef(ref)}`}>
              <TableCell>
                {shortRef(ref)}{' '}
                {shown.overAllocated && (
                  <Chip size="small" color="secondary" label="Over-allocated" />
                )}
              </TableCell>
              <TableCell>{shortRef(shown.team)}</TableCell>
              <TableCell align="right">{shown.components}</TableCell>
              <TableCell align="right">
                {moved('load') ? `${p!.load} → ${a!.load}` : shown.load}
              </TableCell>
              <TableCell align="right">
                {after || !p || !props.onSaved ? (
                  capacityText(p, a)
                ) : (
                  <CapacityCell
                    partner={p}
                    quarter={view.quarter}
                    onSaved={props.onSaved}
                  />
                )}
              </TableCell>
              <TableCell align="right">
                {moved('utilisation')
                  ? `${pct(p!.utilisation)} → ${pct(a!.utilisation)}`
                  : pct(shown.utilisation)}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** The dry run of an uploaded workbook: changes, problems and effect. */
function PreviewView(props: { preview: StaffingPreview }) {
  const { preview } = props;
  const { summary } = preview;
  return (
    <Box mt={2} data-testid="staffing-preview">
      <Typography variant="h6">Preview of {preview.workbook}</Typography>
      <Typography variant="body2">
        {summary.componentsChanged} of {summary.components} components change (
        {summary.assignmentChanges} assignments), {summary.capacityChanges}{' '}
        capacities change, {summary.problems} problems. Nothing is written until
        you apply.
      </Typography>
      {preview.components
        .filter(c => c.status !== 'unchanged')
        .map(c => (
          <Box key={c.entityRef} mt={1}>
            <Typography variant="subtitle2">
              {shortRef(c.entityRef)}{' '}
              {c.status === 'refused' && (
                <Chip size="small" label="Not written" />
              )}
            </Typography>
            <ul style={{ margin: 0 }}>
              {c.changes.map(ch => (
                <li key={ch.activityId}>
                  {ch.title} ({ch.kind}):{' '}
                  {ch.roles
                    .map(
                      r =>
                        `${r.role} ${[
                          ...r.added.map(x => `+${shortRef(x)}`),
                          ...r.removed.map(x => `−${shortRef(x)}`),
                        ].join(' ')}`,
                    )
                    .join('; ')}
                </li>
              ))}
            </ul>
          </Box>
        ))}
      {preview.capacity.length > 0 && (
        <Box mt={1}>
          <Typography variant="subtitle2">Capacity</Typography>
          <ul style={{ margin: 0 }}>
            {preview.capacity.map(c => (
              <li key={`${c.partnerRef} ${c.quarter}`}>
                {shortRef(c.partnerRef)} in {c.quarter}: {c.before ?? '–'} →{' '}
                {c.after}
              </li>
            ))}
          </ul>
        </Box>
      )}
      {preview.problems.length > 0 && (
        <Table size="small" aria-label="Problems of the workbook">
          <TableHead>
            <TableRow>
              <TableCell>Sheet</TableCell>
              <TableCell>Row</TableCell>
              <TableCell>Column</TableCell>
              <TableCell>Problem</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {preview.problems.map((p, i) => (
              <TableRow key={i}>
                <TableCell>{p.sheet}</TableCell>
                <TableCell>{p.row}</TableCell>
                <TableCell>{p.column}</TableCell>
                <TableCell>{p.message}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Box mt={2}>
        <Typography variant="subtitle2">
          Capacity after applying ({preview.after.quarter})
        </Typography>
        <CapacityTable view={preview.before} after={preview.after} />
      </Box>
    </Box>
  );
}

/**
 * Staffing and capacity on the org page: partners' load against their
 * capacity per quarter, components without a partner, and the staffing
 * workbook's round trip (export, import with a preview, apply).
 */
export function StaffingPanel(props: { filter: OrgFilter }) {
  const api = useApi(securityMaturityApiRef);
  const quarters = recentQuarters();
  const [quarter, setQuarter] = useState(quarters[0]);
  const key = JSON.stringify(props.filter);
  const view = useAsyncRetry(
    () =>
      api.getStaffingCapacity({
        ...props.filter,
        quarter: quarter as Quarter,
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, key, quarter],
  );
  const [file, setFile] = useState<File>();
  const [preview, setPreview] = useState<StaffingPreview>();
  const [result, setResult] = useState<StaffingApplyResult>();
  const exporting = useMutation();
  const previewing = useMutation();
  const applying = useMutation(view.retry);

  const exportWorkbook = () =>
    exporting.run(async () => {
      const blob = await api.getStaffingWorkbook({
        ...props.filter,
        quarter: quarter as Quarter,
      });
      downloadBlob(blob, `staffing-${quarter}.xlsx`);
    });
  const choose = (e: ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    e.target.value = '';
    if (!chosen) return;
    setFile(chosen);
    setResult(undefined);
    setPreview(undefined);
    previewing.run(async () =>
      setPreview(
        await api.previewStaffingWorkbook(chosen, {
          name: chosen.name,
          quarter: quarter as Quarter,
        }),
      ),
    );
  };
  const apply = () =>
    file &&
    applying.run(async () => {
      setResult(
        await api.applyStaffingWorkbook(file, {
          name: file.name,
          quarter: quarter as Quarter,
        }),
      );
      setPreview(undefined);
      setFile(undefined);
    });

  return (
    <div data-testid="staffing-panel">
      <Box display="flex" alignItems="center" style={{ gap: 16 }} mb={2}>
        <SelectField
          id="staffing-quarter"
          label="Quarter"
          value={quarter}
          options={quarters.map(q => ({ value: q, label: q }))}
          onChange={setQuarter}
          style={{ minWidth: 120 }}
        />
        <Button
          variant="outlined"
          color="primary"
          onClick={exportWorkbook}
          disabled={exporting.busy}
        >
          Export staffing workbook
        </Button>
        <Button variant="outlined" component="label">
          Import workbook…
          <input
            type="file"
            hidden
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-label="Staffing workbook to import"
            onChange={choose}
          />
        </Button>
      </Box>
      {[exporting.error, previewing.error, applying.error]
        .filter(Boolean)
        .map((e, i) => (
          <Alert key={i} severity="error">
            {serverError(e!).message}
          </Alert>
        ))}
      {previewing.busy && <Progress />}
      {preview && (
        <>
          <PreviewView preview={preview} />
          <Box mt={2} display="flex" style={{ gap: 8 }}>
            <Button
              variant="contained"
              color="primary"
              onClick={apply}
              disabled={
                applying.busy ||
                (preview.summary.componentsChanged === 0 &&
                  preview.summary.capacityChanges === 0)
              }
            >
              Apply changes
            </Button>
            <Button
              onClick={() => {
                setPreview(undefined);
                setFile(undefined);
              }}
            >
              Discard
            </Button>
          </Box>
        </>
      )}
      {result && (
        <Alert
          severity={result.refused.length > 0 ? 'warning' : 'success'}
          data-testid="staffing-applied"
        >
          Applied {result.workbook}: {result.applied.length} components written,{' '}
          {result.capacity.length} capacities set
          {result.refused.length > 0 &&
            `; not written: ${result.refused
              .map(r => `${shortRef(r.entityRef)} (${r.reason})`)
              .join('; ')}`}
          .
        </Alert>
      )}
      {view.error && <ResponseErrorPanel error={view.error} />}
      {!view.value && !view.error && <Progress />}
      {view.value && !preview && (
        <>
          <CapacityTable view={view.value} onSaved={view.retry} />
          <Box mt={2}>
            <Typography variant="subtitle2">
              Components without a security partner (
              {view.value.withoutPartner.length} of {view.value.components})
            </Typography>
            <Typography variant="body2" data-testid="without-partner">
              {view.value.withoutPartner.map(shortRef).join(', ') || 'None'}
            </Typography>
          </Box>
        </>
      )}
    </div>
  );
}

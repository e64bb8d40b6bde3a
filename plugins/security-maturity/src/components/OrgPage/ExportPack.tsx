import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import { Alert } from '@material-ui/lab';
import {
  MetricsPackFormat,
  OrgFilter,
  Quarter,
} from '@secmat/backstage-plugin-security-maturity-common';
import { useState } from 'react';
import { securityMaturityApiRef } from '../../api';
import { serverError } from '../EntitySecurityContent/ConflictAlert';
import { recentQuarters } from './format';

/** Saves a Blob as a file through a temporary link. */
function download(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

/** The quarterly metrics pack of the filtered org unit, as CSV or XLSX. */
export function ExportPack(props: { filter: OrgFilter }) {
  const api = useApi(securityMaturityApiRef);
  const quarters = recentQuarters();
  const [quarter, setQuarter] = useState(quarters[0]);
  const [format, setFormat] = useState<MetricsPackFormat>('xlsx');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();

  const exportPack = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const blob = await api.getMetricsPack({
        ...props.filter,
        quarter: quarter as Quarter,
        format,
      });
      download(blob, `security-maturity-${quarter}.${format}`);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'center' }}>
      <FormControl size="small" style={{ minWidth: 120 }}>
        <InputLabel id="quarter-label">Quarter</InputLabel>
        <Select
          labelId="quarter-label"
          id="quarter"
          value={quarter}
          onChange={e => setQuarter(e.target.value as string)}
        >
          {quarters.map(q => (
            <MenuItem key={q} value={q}>
              {q}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      <FormControl size="small" style={{ minWidth: 100 }}>
        <InputLabel id="format-label">Format</InputLabel>
        <Select
          labelId="format-label"
          id="format"
          value={format}
          onChange={e => setFormat(e.target.value as MetricsPackFormat)}
        >
          <MenuItem value="xlsx">XLSX</MenuItem>
          <MenuItem value="csv">CSV</MenuItem>
        </Select>
      </FormControl>
      <Button
        variant="contained"
        color="primary"
        onClick={exportPack}
        disabled={busy}
      >
        Export metrics pack
      </Button>
      {error && <Alert severity="error">{serverError(error).message}</Alert>}
    </div>
  );
}

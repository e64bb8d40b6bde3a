import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import {
  MetricsPackFormat,
  OrgFilter,
  Quarter,
} from '@secmat/backstage-plugin-security-maturity-common';
import { useState } from 'react';
import { securityMaturityApiRef } from '../../api';
import { useMutation } from '../../hooks/useMutation';
import { downloadBlob, SelectField, serverError } from '../common';
import { recentQuarters } from './format';

const FORMATS: Array<{ value: MetricsPackFormat; label: string }> = [
  { value: 'xlsx', label: 'XLSX' },
  { value: 'csv', label: 'CSV' },
];

/** The quarterly metrics pack of the filtered org unit, as CSV or XLSX. */
export function ExportPack(props: { filter: OrgFilter }) {
  const api = useApi(securityMaturityApiRef);
  const quarters = recentQuarters();
  const [quarter, setQuarter] = useState(quarters[0]);
  const [format, setFormat] = useState<MetricsPackFormat>('xlsx');
  // Nothing to reload afterwards: the pack is a download.
  const { busy, error, run } = useMutation();

  const exportPack = () =>
    run(async () => {
      const blob = await api.getMetricsPack({
        ...props.filter,
        quarter: quarter as Quarter,
        format,
      });
      downloadBlob(blob, `security-maturity-${quarter}.${format}`);
    });

  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'center' }}>
      <SelectField
        id="quarter"
        label="Quarter"
        value={quarter}
        options={quarters.map(q => ({ value: q, label: q }))}
        onChange={setQuarter}
        style={{ minWidth: 120 }}
      />
      <SelectField
        id="format"
        label="Format"
        value={format}
        options={FORMATS}
        onChange={setFormat}
        style={{ minWidth: 100 }}
      />
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

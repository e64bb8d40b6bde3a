import { InfoCard, Progress } from '@backstage/core-components';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { useSecurityTab } from '../../hooks/useSecurityTab';
import { Restricted, serverError } from '../common';
import { formatChanges } from './formatChanges';

const PAGE_SIZE = 20;
const COLUMNS = ['When', 'Who', 'Record', 'Action', 'Changes'];

/** People and groups link to their catalog page; the plugin's jobs do not. */
function Actor(props: { actorRef: string }) {
  try {
    const { kind } = parseEntityRef(props.actorRef);
    if (kind === 'user' || kind === 'group') {
      return <EntityRefLink entityRef={props.actorRef} />;
    }
  } catch {
    // Not an entity ref: shown as it is.
  }
  return <>{props.actorRef}</>;
}

/**
 * The component's audit trail, newest first: who changed which record when,
 * and what changed. Paged by the backend, since it only grows.
 */
export function HistoryCard() {
  const { api, entityRef, record } = useSecurityTab();
  const [page, setPage] = useState(0);
  const { value, loading, error } = useAsync(
    () =>
      api.listHistory(entityRef, {
        limit: PAGE_SIZE,
        offset: page * PAGE_SIZE,
      }),
    // The record's version moves with every saved change, which adds a row.
    [api, stringifyEntityRef(entityRef), page, record.version],
  );

  let content;
  if (error) {
    content = (
      <Alert severity="error">
        Could not load the history: {serverError(error).message}
      </Alert>
    );
  } else if (!value) {
    content = loading ? <Progress /> : null;
  } else if (value.totalCount === 0) {
    content = (
      <Typography variant="body2" color="textSecondary">
        No changes recorded yet. Every change to this component's security
        records will appear here: when, by whom, and what changed.
      </Typography>
    );
  } else {
    content = (
      <>
        <Table size="small" aria-label="Change history">
          <TableHead>
            <TableRow>
              {COLUMNS.map(c => (
                <TableCell key={c}>{c}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {value.items.map(entry => (
              <TableRow key={entry.id}>
                <TableCell>{new Date(entry.at).toLocaleString()}</TableCell>
                <TableCell>
                  <Actor actorRef={entry.actor} />
                </TableCell>
                <TableCell>
                  {entry.recordType}
                  <Typography
                    variant="caption"
                    color="textSecondary"
                    component="div"
                  >
                    {entry.recordId}
                  </Typography>
                </TableCell>
                <TableCell style={{ whiteSpace: 'nowrap' }}>
                  {entry.action}
                </TableCell>
                <TableCell style={{ wordBreak: 'break-word' }}>
                  {formatChanges(entry.changes).map((line, i) => (
                    <div key={i}>{line}</div>
                  ))}
                  {entry.redacted && (
                    <div>
                      <Restricted what="Confidential details" />
                    </div>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <TablePagination
          component="div"
          count={value.totalCount}
          page={page}
          rowsPerPage={PAGE_SIZE}
          rowsPerPageOptions={[PAGE_SIZE]}
          onPageChange={(_, p) => setPage(p)}
        />
      </>
    );
  }
  return (
    <InfoCard
      title="History"
      subheader="Every change to this component's security records, newest first"
    >
      {content}
    </InfoCard>
  );
}

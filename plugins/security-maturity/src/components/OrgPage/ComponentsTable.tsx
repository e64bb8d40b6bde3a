import { Link } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Typography from '@material-ui/core/Typography';
import {
  OrgComponentPage,
  OrgComponentQuery,
  OrgSort,
} from '@secmat/backstage-plugin-security-maturity-common';
import { percent, score, shortRef } from './format';
import { useSecurityTabLink } from './useSecurityTabLink';

const COLUMNS: Array<{ label: string; sort?: OrgSort; align?: 'right' }> = [
  { label: 'Component', sort: 'name' },
  { label: 'Owner' },
  { label: 'System' },
  { label: 'Tier' },
  { label: 'Score', sort: 'overall', align: 'right' },
  { label: 'To target', sort: 'percentToTarget', align: 'right' },
  { label: 'Gates cleared', sort: 'openGates', align: 'right' },
  { label: 'Exceptions', sort: 'exceptions', align: 'right' },
];

/** The filtered components, sorted and paged by the backend. */
export function ComponentsTable(props: {
  page: OrgComponentPage;
  query: OrgComponentQuery;
  onSort: (sort: OrgSort, order: 'asc' | 'desc') => void;
  onPage: (page: number) => void;
}) {
  const { page, query, onSort, onPage } = props;
  const linkTo = useSecurityTabLink();
  return (
    <>
      <Table size="small" aria-label="Component list">
        <TableHead>
          <TableRow>
            {COLUMNS.map(c => (
              <TableCell key={c.label} align={c.align}>
                {c.sort ? (
                  <TableSortLabel
                    active={query.sort === c.sort}
                    direction={query.sort === c.sort ? query.order : 'asc'}
                    onClick={() =>
                      onSort(
                        c.sort!,
                        query.sort === c.sort && query.order === 'asc'
                          ? 'desc'
                          : 'asc',
                      )
                    }
                  >
                    {c.label}
                  </TableSortLabel>
                ) : (
                  c.label
                )}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {page.items.map(c => (
            <TableRow key={c.entityRef} hover>
              <TableCell>
                <Link to={linkTo(c.entityRef)}>{shortRef(c.entityRef)}</Link>
              </TableCell>
              <TableCell>{shortRef(c.ownerRef)}</TableCell>
              <TableCell>{shortRef(c.systemRef)}</TableCell>
              <TableCell>{c.tier ?? '–'}</TableCell>
              <TableCell align="right">{score(c.overall)}</TableCell>
              <TableCell align="right">{percent(c.percentToTarget)}</TableCell>
              <TableCell align="right">
                {c.gatesCleared} of {c.gatesRequired}
              </TableCell>
              <TableCell align="right">
                {c.exceptionsOpen}
                {c.exceptionsExpired > 0 && (
                  <Chip
                    size="small"
                    color="secondary"
                    label={`${c.exceptionsExpired} expired`}
                    style={{ marginLeft: 8 }}
                  />
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {page.items.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          No component matches these filters.
        </Typography>
      )}
      <TablePagination
        component="div"
        count={page.totalCount}
        page={Math.floor(page.offset / page.limit)}
        rowsPerPage={page.limit}
        rowsPerPageOptions={[page.limit]}
        onPageChange={(_, p) => onPage(p)}
      />
    </>
  );
}

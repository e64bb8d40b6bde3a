import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { ReactNode } from 'react';

/**
 * A small table of the org page: what a row is about in the first columns,
 * its figures aligned right from column `figuresFrom` on.
 */
export function FiguresTable(props: {
  label: string;
  columns: string[];
  rows: Array<{ key: string; cells: ReactNode[] }>;
  figuresFrom?: number;
}) {
  const { label, columns, rows, figuresFrom = 1 } = props;
  const align = (i: number) => (i >= figuresFrom ? 'right' : undefined);
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          {columns.map((column, i) => (
            <TableCell key={column} align={align(i)}>
              {column}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map(row => (
          <TableRow key={row.key}>
            {row.cells.map((cell, i) => (
              // Cells keep their column: the position is the identity.
              <TableCell key={i} align={align(i)}>
                {cell}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

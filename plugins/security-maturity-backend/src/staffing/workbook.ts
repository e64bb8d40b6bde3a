import { InputError } from '@backstage/errors';
import {
  STAFFING_WORKBOOK_LAYOUT,
  StaffingProblem,
} from '@secmat/backstage-plugin-security-maturity-common';
import ExcelJS from 'exceljs';

type Cell = string | number | null;

/** A sheet of the workbook as written: a header row and value rows. */
export type SheetData = {
  name: string;
  columns: readonly string[];
  rows: Cell[][];
};

// As the metrics pack: a leading =, +, - or @ would make a spreadsheet
// evaluate a name as a formula; a quote keeps it text.
const inert = (value: Cell) =>
  typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;

/** Refs in one cell: separated by commas, semicolons or line breaks. */
export const splitRefs = (text: string) =>
  text
    .split(/[,;\r\n]+/)
    .map(s => s.trim())
    .filter(Boolean);

export const joinRefs = (refs: string[]) => refs.join(', ');

/**
 * The workbook: an About sheet (scope, quarter, unit, who exported it when),
 * then RASI, Staffing and Coverage. Text cells are always text (never a
 * formula), numbers numbers.
 */
export async function writeWorkbook(
  about: Array<[string, string]>,
  sheets: SheetData[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Security maturity for Backstage';
  workbook.title =
    'Product Security Team Staffing, Capacity, and RASI Workbook';
  const info = workbook.addWorksheet('About');
  info.addRow([
    'Product Security Team Staffing, Capacity, and RASI Workbook',
  ]).font = { bold: true };
  for (const [k, v] of about) info.addRow([k, inert(v)]);
  info.getColumn(1).width = 24;
  info.getColumn(2).width = 80;
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    ws.addRow([...sheet.columns]).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row.map(inert));
    ws.columns.forEach((column, i) => {
      const longest = Math.max(
        sheet.columns[i]?.length ?? 0,
        ...sheet.rows.slice(0, 200).map(r => String(r[i] ?? '').length),
      );
      column.width = Math.min(60, Math.max(10, longest + 2));
    });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One row of an uploaded sheet: its number and its cells by column name. */
export type ReadRow = {
  row: number;
  cells: Record<string, string>;
};

export type ReadWorkbook = {
  rasi: ReadRow[];
  staffing: ReadRow[];
  /** Cells that could not be read as values (formulas, errors). */
  problems: StaffingProblem[];
};

/** The text of a cell; formulas and errors are problems, not values. */
function cellText(
  value: ExcelJS.CellValue,
): { text: string } | { problem: string } {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') {
    // The export's quote before a leading =, +, - or @ is not part of the value.
    return { text: /^'[=+\-@]/.test(value) ? value.slice(1) : value };
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return { text: String(value) };
  }
  if (value instanceof Date) return { text: value.toISOString() };
  if ('formula' in value || 'sharedFormula' in value) {
    return { problem: 'is a formula; type the value as text' };
  }
  if ('error' in value) return { problem: `is an error (${value.error})` };
  if ('richText' in value) {
    return { text: value.richText.map(r => r.text).join('') };
  }
  if ('text' in value) {
    const t = (value as { text: unknown }).text;
    return { text: typeof t === 'string' ? t : '' };
  }
  return { problem: 'is not a value this workbook takes' };
}

/**
 * Reads an uploaded workbook of our layout. A missing sheet or column is a
 * 400 naming it (nothing else is read); cells that are not plain values are
 * problems of their row. Rows whose cells are all blank are skipped.
 */
export async function readWorkbook(
  body: Buffer,
  limits: { maxRows: number },
): Promise<ReadWorkbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(body as any);
  } catch {
    throw new InputError(
      'The file is not a readable XLSX workbook; export a workbook and fill it in',
    );
  }
  const problems: StaffingProblem[] = [];
  const read = (name: 'RASI' | 'Staffing', required: readonly string[]) => {
    const ws = workbook.worksheets.find(
      w =>
        w.name.trim().toLocaleLowerCase('en-US') ===
        name.toLocaleLowerCase('en-US'),
    );
    if (!ws) {
      throw new InputError(
        `The workbook has no '${name}' sheet; it needs the sheets ${Object.keys(
          STAFFING_WORKBOOK_LAYOUT,
        )
          .filter(s => s !== 'Coverage')
          .join(' and ')} as exported`,
      );
    }
    const header = ws.getRow(1);
    const columns = new Map<string, number>();
    header.eachCell((cell, col) => {
      const r = cellText(cell.value);
      if ('text' in r && r.text.trim()) columns.set(r.text.trim(), col);
    });
    const missing = required.filter(c => !columns.has(c));
    if (missing.length > 0) {
      throw new InputError(
        `The '${name}' sheet has no column ${missing
          .map(c => `'${c}'`)
          .join(', ')} in its first row`,
      );
    }
    if (ws.rowCount > limits.maxRows + 1) {
      throw new InputError(
        `The '${name}' sheet has ${
          ws.rowCount - 1
        } rows; a workbook takes at most ${limits.maxRows}`,
      );
    }
    const rows: ReadRow[] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const cells: Record<string, string> = {};
      let any = false;
      for (const [column, col] of columns) {
        const r = cellText(row.getCell(col).value);
        if ('problem' in r) {
          problems.push({
            sheet: name,
            row: n,
            column,
            message: `${column} ${r.problem}`,
            kind: 'invalid',
          });
          cells[column] = '';
          any = true;
        } else {
          cells[column] = r.text.trim();
          if (cells[column]) any = true;
        }
      }
      if (any) rows.push({ row: n, cells });
    });
    return rows;
  };
  const rasi = read('RASI', [
    'Component',
    'Activity ID',
    'Responsible',
    'Accountable',
    'Supportive',
    'Informed',
    'Version',
  ]);
  const staffing = read('Staffing', [
    'Partner',
    'Quarter',
    'Capacity',
    'Version',
  ]);
  return { rasi, staffing, problems };
}

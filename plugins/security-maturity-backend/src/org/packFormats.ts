import ExcelJS from 'exceljs';
import { PackSection } from './packLayout';

type Cell = string | number | null;

// A leading =, +, - or @ would make a spreadsheet evaluate a group or entity
// name as a formula; a quote keeps it text (CSV injection).
const inert = (value: Cell) =>
  typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;

const csvCell = (value: Cell) => {
  const v = inert(value);
  if (v === null) return '';
  const text = String(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * One CSV file: each section is its name on a line, a header row and its rows,
 * with a blank line between sections.
 */
export function packToCsv(sections: PackSection[]): string {
  const lines: string[] = [];
  for (const section of sections) {
    if (lines.length) lines.push('');
    lines.push(csvCell(section.name));
    lines.push(section.columns.map(csvCell).join(','));
    for (const row of section.rows) lines.push(row.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** An XLSX workbook with one sheet per section. */
export async function packToXlsx(sections: PackSection[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Security maturity for Backstage';
  for (const section of sections) {
    // Sheet names: at most 31 characters, none of []:*?/\ .
    const sheet = workbook.addWorksheet(
      section.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31),
    );
    sheet.addRow(section.columns).font = { bold: true };
    for (const row of section.rows) sheet.addRow(row.map(inert));
    sheet.columns.forEach((column, i) => {
      const longest = Math.max(
        section.columns[i]?.length ?? 0,
        ...section.rows.slice(0, 200).map(r => String(r[i] ?? '').length),
      );
      column.width = Math.min(60, Math.max(10, longest + 2));
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

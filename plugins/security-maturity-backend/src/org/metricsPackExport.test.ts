import { METRICS_PACK_SHEETS } from '@secmat/backstage-plugin-security-maturity-common';
import ExcelJS from 'exceljs';
import { people } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';
import { PE, setUp } from './__testUtils__/orgBackend';

jest.setTimeout(90_000);

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'the metrics pack on %s',
  databaseId => {
    it('exports the quarterly metrics pack as CSV and XLSX, audited', async () => {
      const { as, audits } = await setUp(databases, databaseId);
      const lead = as(people.lead);
      const now = new Date();
      const quarter = `${now.getUTCFullYear()}-Q${
        Math.floor(now.getUTCMonth() / 3) + 1
      }`;
      const csv = await lead.plugin(
        `/org/metrics-pack?quarter=${quarter}&format=csv&owner=${encodeURIComponent(
          PE,
        )}`,
      );
      expect(csv.body.error?.message).toBeUndefined();
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      expect(csv.headers['content-disposition']).toContain(
        `security-maturity-${quarter}.csv`,
      );
      expect(csv.text).toContain('Org unit,product engineering');
      expect(csv.text).toContain('Opened,1');
      expect(csv.text).toContain('Approved,1');
      expect(csv.text).not.toContain('SECRET-JUSTIFICATION');

      const xlsx = await lead
        .plugin(`/org/metrics-pack?quarter=${quarter}&format=xlsx`)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(xlsx.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.body);
      expect(workbook.worksheets.map(w => w.name)).toEqual(METRICS_PACK_SHEETS);
      const components = workbook.getWorksheet('Components')!;
      expect(components.rowCount).toBe(5); // header + 4 components
      const worksheets = workbook.getWorksheet('Worksheets')!;
      // One incident started, not yet contained: no containment time yet.
      expect(worksheets.getRow(2).values).toEqual([
        undefined,
        'incident',
        1,
        0,
        0,
      ]);
      expect(
        audits.filter(a => a.actionType === 'export').map(a => a.status),
      ).toEqual(['success', 'success']);
    });
  },
);

import { mockCredentials } from '@backstage/backend-test-utils';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { people } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/databases';
import { setUp } from '../org/__testUtils__/orgBackend';
import { sniffWorkbook } from '../http/staffingRoutes';

jest.setTimeout(120_000);

const XLSX =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const API = '/api/security-maturity/org/staffing';
const PAYMENTS = encodeURIComponent('group:default/payments-team');
const QUARTER = '2026-Q4';

/** A zip of stored (uncompressed) entries, for files that are not ours. */
function zip(files: Record<string, string>): Buffer {
  const { crc32 } = require('zlib');
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const n = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const binaryParser = (res: any, cb: (e: Error | null, b: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

async function load(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as any);
  return wb;
}

async function save(wb: ExcelJS.Workbook) {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The row of a component and activity on the RASI sheet. */
function rasiRow(wb: ExcelJS.Workbook, component: string, activity: string) {
  const ws = wb.getWorksheet('RASI')!;
  let found: ExcelJS.Row | undefined;
  ws.eachRow(row => {
    if (
      row.getCell(1).value === component &&
      row.getCell(2).value === activity
    ) {
      found = row;
    }
  });
  if (!found) throw new Error(`no row ${component} ${activity}`);
  return found;
}

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'the staffing workbook on %s',
  databaseId => {
    async function start() {
      const backend = await setUp(databases, databaseId);
      const agent = request(backend.server);
      const auth = (who: string) => mockCredentials.user.header(who);
      const exportAs = async (who: string, query = `owner=${PAYMENTS}`) => {
        const res = await agent
          .get(`${API}/workbook?${query}&quarter=${QUARTER}`)
          .set('Authorization', auth(who))
          .buffer(true)
          .parse(binaryParser);
        return res;
      };
      const upload = (
        who: string,
        step: 'preview' | 'apply',
        body: Buffer,
        type = XLSX,
      ) =>
        agent
          .post(`${API}/workbook/${step}?name=payments.xlsx&quarter=${QUARTER}`)
          .set('Authorization', auth(who))
          .set('Content-Type', type)
          .send(body);
      /** Everything the plugin has written: history rows and capacities. */
      const written = async () => ({
        history: Number((await backend.knex('history').count({ n: '*' }))[0].n),
        rasi: await backend
          .knex('rasi_assignments')
          .select(
            'entity_ref',
            'activity_id',
            'accountable',
            'supportive',
            'version',
          )
          .orderBy(['entity_ref', 'activity_id']),
        capacity: await backend.knex('partner_capacity').select(),
      });
      return { ...backend, agent, auth, exportAs, upload, written };
    }

    it('exports a scope and previews its own file as zero changes', async () => {
      const { exportAs, upload, written } = await start();
      const res = await exportAs(people.lead);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain(XLSX);
      const wb = await load(res.body);
      expect(wb.worksheets.map(w => w.name)).toEqual([
        'About',
        'RASI',
        'Staffing',
        'Coverage',
      ]);
      const tm = rasiRow(
        wb,
        'component:default/payments-api',
        'threat-modeling',
      );
      expect(tm.getCell(5).value).toBe(people.owner);
      expect(tm.getCell(6).value).toBe(people.lead);
      expect(tm.getCell(8).value).toBe(1);
      // Checkout squad is below Payments: its component is in the scope.
      rasiRow(wb, 'component:default/checkout-web', 'threat-modeling');
      const staffing = wb.getWorksheet('Staffing')!;
      expect(staffing.getRow(2).values).toEqual(
        [
          undefined,
          people.lead,
          'group:default/security-leads',
          QUARTER,
          null,
          'components',
          1,
          null,
          0,
        ]
          .map(v => (v === null ? undefined : v))
          .slice(0),
      );
      const coverage = wb.getWorksheet('Coverage')!;
      expect(coverage.rowCount).toBeGreaterThan(1);

      const before = await written();
      const preview = await upload(people.lead, 'preview', res.body);
      expect(preview.status).toBe(200);
      expect(preview.body.problems).toEqual([]);
      expect(preview.body.summary).toMatchObject({
        componentsChanged: 0,
        assignmentChanges: 0,
        capacityChanges: 0,
      });
      expect(preview.body.components.map((c: any) => c.status)).toEqual([
        'unchanged',
        'unchanged',
      ]);
      expect(await written()).toEqual(before);
    });

    it('previews and applies exactly the edited cells, versioned and with history', async () => {
      const { exportAs, upload, written, as, agent, auth } = await start();
      const wb = await load((await exportAs(people.lead)).body);
      rasiRow(wb, 'component:default/payments-api', 'threat-modeling').getCell(
        5,
      ).value = people.lead2;
      const dr = rasiRow(wb, 'component:default/checkout-web', 'design-review');
      dr.getCell(5).value = people.owner;
      dr.getCell(6).value = `${people.lead}, ${people.lead2}`;
      wb.getWorksheet('Staffing')!.getRow(2).getCell(4).value = 1;
      const file = await save(wb);

      const before = await written();
      const preview = await upload(people.lead, 'preview', file);
      expect(preview.status).toBe(200);
      expect(preview.body.problems).toEqual([]);
      expect(await written()).toEqual(before);
      const byRef = Object.fromEntries(
        preview.body.components.map((c: any) => [c.entityRef, c]),
      );
      expect(byRef['component:default/payments-api'].changes).toEqual([
        {
          activityId: 'threat-modeling',
          title: expect.any(String),
          kind: 'changed',
          version: 1,
          roles: [
            {
              role: 'accountable',
              added: [people.lead2],
              removed: [people.owner],
            },
          ],
        },
      ]);
      expect(byRef['component:default/checkout-web'].changes).toEqual([
        expect.objectContaining({
          activityId: 'design-review',
          kind: 'added',
          version: 0,
          roles: [
            { role: 'accountable', added: [people.owner], removed: [] },
            {
              role: 'supportive',
              added: [people.lead, people.lead2],
              removed: [],
            },
          ],
        }),
      ]);
      expect(preview.body.capacity).toEqual([
        {
          partnerRef: people.lead,
          quarter: QUARTER,
          before: null,
          after: 1,
          version: 0,
        },
      ]);
      // The effect on the capacity view before anything is written.
      const lena = (view: any) =>
        view.partners.find((p: any) => p.ref === people.lead);
      expect(lena(preview.body.before)).toMatchObject({
        load: 1,
        capacity: null,
      });
      expect(lena(preview.body.after)).toMatchObject({
        load: 2,
        capacity: 1,
        utilisation: 2,
        overAllocated: true,
      });
      expect(preview.body.before.withoutPartner).toContain(
        'component:default/checkout-web',
      );
      expect(preview.body.after.withoutPartner).not.toContain(
        'component:default/checkout-web',
      );

      const applied = await upload(people.lead, 'apply', file);
      expect(applied.status).toBe(200);
      expect(applied.body.refused).toEqual([]);
      expect(applied.body.applied).toHaveLength(2);
      const record = await as(people.lead).get('');
      const tm = record.body.rasi.find(
        (r: any) => r.activityId === 'threat-modeling',
      );
      expect(tm).toMatchObject({ accountable: people.lead2, version: 2 });
      const history = await as(people.lead).get('/history?limit=5');
      expect(history.body.items[0]).toMatchObject({
        recordType: 'rasi',
        recordId: 'threat-modeling',
        changes: expect.objectContaining({ workbook: 'payments.xlsx' }),
      });
      const view = await agent
        .get(`${API}/capacity?owner=${PAYMENTS}&quarter=${QUARTER}`)
        .set('Authorization', auth(people.lead));
      expect(lena(view.body)).toMatchObject({
        load: 2,
        capacity: 1,
        overAllocated: true,
      });

      // The same file again: its versions are stale now, nothing is written.
      const after = await written();
      const again = await upload(people.lead, 'apply', file);
      expect(again.body.applied).toEqual([]);
      expect(again.body.preview.problems.map((p: any) => p.kind)).toEqual([
        'conflict',
        'conflict',
        'conflict',
      ]);
      expect(await written()).toEqual(after);
    });

    it('shows a component changed since the export as a conflict and does not write it', async () => {
      const { exportAs, upload, as, written } = await start();
      const wb = await load((await exportAs(people.lead)).body);
      rasiRow(wb, 'component:default/payments-api', 'threat-modeling').getCell(
        5,
      ).value = people.lead2;
      const dr = rasiRow(wb, 'component:default/checkout-web', 'design-review');
      dr.getCell(5).value = people.owner;
      const file = await save(wb);
      // Someone edits payments-api's RASI after the export.
      expect(
        (
          await as(people.lead).put('/rasi/threat-modeling', {
            version: 1,
            responsible: [],
            accountable: people.owner,
            supportive: [people.lead],
            informed: [people.manager],
          })
        ).status,
      ).toBe(200);
      const preview = await upload(people.lead, 'preview', file);
      const payments = preview.body.components.find(
        (c: any) => c.entityRef === 'component:default/payments-api',
      );
      expect(payments.status).toBe('refused');
      expect(payments.problems).toEqual([
        expect.objectContaining({
          sheet: 'RASI',
          column: 'Version',
          kind: 'conflict',
          row: rasiRow(wb, 'component:default/payments-api', 'threat-modeling')
            .number,
        }),
      ]);
      const before = await written();
      const applied = await upload(people.lead, 'apply', file);
      expect(applied.body.applied).toEqual([
        { entityRef: 'component:default/checkout-web', assignments: 1 },
      ]);
      expect(applied.body.refused[0].entityRef).toBe(
        'component:default/payments-api',
      );
      const after = await written();
      expect(
        after.rasi.filter((r: any) => r.entity_ref.endsWith('payments-api')),
      ).toEqual(
        before.rasi.filter((r: any) => r.entity_ref.endsWith('payments-api')),
      );
      const record = await as(people.lead).get('');
      expect(
        record.body.rasi.find((r: any) => r.activityId === 'threat-modeling'),
      ).toMatchObject({
        accountable: people.owner,
        informed: [people.manager],
      });
    });

    it('names every problem with its sheet, row and column', async () => {
      const { exportAs, upload, written } = await start();
      const wb = await load((await exportAs(people.lead)).body);
      const tm = rasiRow(
        wb,
        'component:default/payments-api',
        'threat-modeling',
      );
      tm.getCell(5).value = `${people.owner}, ${people.lead2}`;
      const dr = rasiRow(wb, 'component:default/checkout-web', 'design-review');
      dr.getCell(5).value = 'user:default/nobody';
      const ws = wb.getWorksheet('RASI')!;
      ws.addRow([
        'component:default/payments-api',
        'coffee-tasting',
        '',
        '',
        people.owner,
        '',
        '',
        0,
      ]);
      ws.addRow([
        'component:default/payments-api',
        'design-review',
        '',
        '',
        { formula: 'CONCAT("user:default/", "olivia")' },
        '',
        '',
        0,
      ]);
      const file = await save(wb);
      const before = await written();
      const preview = await upload(people.lead, 'preview', file);
      expect(preview.status).toBe(200);
      const problems = preview.body.problems.map((p: any) => [
        p.sheet,
        p.row,
        p.column,
        p.kind,
      ]);
      expect(problems).toEqual(
        expect.arrayContaining([
          ['RASI', tm.number, 'Accountable', 'accountable'],
          ['RASI', dr.number, 'Accountable', 'unknown-ref'],
          ['RASI', ws.rowCount - 1, 'Activity ID', 'unknown-activity'],
          ['RASI', ws.rowCount, 'Accountable', 'invalid'],
        ]),
      );
      expect(preview.body.summary.componentsChanged).toBe(0);
      const applied = await upload(people.lead, 'apply', file);
      expect(applied.body.applied).toEqual([]);
      expect(await written()).toEqual(before);
    });

    it('lets owners import only for the components they own', async () => {
      const { exportAs, upload, written } = await start();
      // Olivia (Payments) exports her own components only.
      const own = await load((await exportAs(people.owner)).body);
      const refs = new Set<string>();
      own.getWorksheet('RASI')!.eachRow((row, n) => {
        if (n > 1) refs.add(String(row.getCell(1).value));
      });
      expect([...refs]).toEqual(['component:default/payments-api']);
      // A lead's workbook of Payments, uploaded by Tom (Identity).
      const wb = await load((await exportAs(people.lead)).body);
      rasiRow(wb, 'component:default/payments-api', 'design-review').getCell(
        5,
      ).value = people.otherTeam;
      wb.getWorksheet('Staffing')!.getRow(2).getCell(4).value = 9;
      const file = await save(wb);
      const before = await written();
      const preview = await upload(people.otherTeam, 'preview', file);
      expect(preview.status).toBe(200);
      expect(
        preview.body.components.map((c: any) => [c.entityRef, c.status]),
      ).toEqual([
        ['component:default/checkout-web', 'refused'],
        ['component:default/payments-api', 'refused'],
      ]);
      expect(preview.body.problems.map((p: any) => p.kind)).toEqual(
        expect.arrayContaining(['not-allowed']),
      );
      expect(preview.body.capacity).toEqual([]);
      const applied = await upload(people.otherTeam, 'apply', file);
      expect(applied.body.applied).toEqual([]);
      expect(await written()).toEqual(before);
      // Someone who owns no component gets no workbook.
      expect((await exportAs(people.manager)).status).toBe(403);
    });

    it('refuses bad uploads and writes nothing', async () => {
      const { exportAs, upload, written, agent } = await start();
      const good = (await exportAs(people.lead)).body as Buffer;
      const before = await written();
      // Not XLSX by Content-Type.
      const csv = await upload(
        people.lead,
        'apply',
        Buffer.from('a,b\n'),
        'text/csv',
      );
      expect(csv.status).toBe(415);
      // An .xlsx name on other bytes: legacy .xls, macro-enabled .xlsm.
      const xls = Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(512),
      ]);
      const legacy = await upload(people.lead, 'apply', xls);
      expect(legacy.status).toBe(415);
      expect(legacy.body.error.message).toMatch(/Legacy Excel/);
      const vba = zip({
        '[Content_Types].xml': '<Types/>',
        'xl/workbook.xml': '<workbook/>',
        'xl/vbaProject.bin': 'macro',
      });
      expect(sniffWorkbook(vba)).toBe('xlsm');
      const macro = await upload(people.lead, 'apply', vba);
      expect(macro.status).toBe(415);
      expect(macro.body.error.message).toMatch(/Macro-enabled/);
      const declared = zip({
        '[Content_Types].xml':
          '<Types><Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>',
        'xl/workbook.xml': '<workbook/>',
      });
      expect((await upload(people.lead, 'apply', declared)).status).toBe(415);
      expect(sniffWorkbook(good)).toBe('xlsx');
      // Too large.
      const huge = Buffer.concat([good, Buffer.alloc(6 * 1024 * 1024)]);
      expect((await upload(people.lead, 'apply', huge)).status).toBe(413);
      // Not our layout: a missing sheet, a missing column.
      const other = new ExcelJS.Workbook();
      other.addWorksheet('Budget').addRow(['Item', 'Cost']);
      const noSheet = await upload(people.lead, 'apply', await save(other));
      expect(noSheet.status).toBe(400);
      expect(noSheet.body.error.message).toMatch(/no 'RASI' sheet/);
      const wb = await load(good);
      wb.getWorksheet('RASI')!.getRow(1).getCell(5).value = 'Owner';
      const noColumn = await upload(people.lead, 'apply', await save(wb));
      expect(noColumn.status).toBe(400);
      expect(noColumn.body.error.message).toMatch(
        /'RASI' sheet has no column 'Accountable'/,
      );
      // Empty, and without credentials.
      expect((await upload(people.lead, 'apply', Buffer.alloc(0))).status).toBe(
        400,
      );
      const anonymous = await agent
        .post(`${API}/workbook/apply`)
        .set('Authorization', mockCredentials.none.header())
        .set('Content-Type', XLSX)
        .send(good);
      expect(anonymous.status).toBe(401);
      expect(await written()).toEqual(before);
    });

    it('lets security leads set a capacity, versioned', async () => {
      const { agent, auth } = await start();
      const put = (who: string, body: object) =>
        agent.put(`${API}/capacity`).set('Authorization', auth(who)).send(body);
      const body = {
        partnerRef: people.lead,
        quarter: QUARTER,
        capacity: 4,
        version: 0,
      };
      expect((await put(people.owner, body)).status).toBe(403);
      const set = await put(people.lead, body);
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({
        ref: people.lead,
        capacity: 4,
        capacityVersion: 1,
        load: 1,
      });
      expect((await put(people.lead, body)).status).toBe(409);
      expect(
        (await put(people.lead, { ...body, partnerRef: 'user:default/nobody' }))
          .status,
      ).toBe(400);
    });
  },
);

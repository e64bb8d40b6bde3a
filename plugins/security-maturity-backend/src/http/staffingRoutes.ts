import { ApiRouter } from '@backstage/backend-openapi-utils';
import { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  Quarter,
  STAFFING_WORKBOOK_TYPE,
} from '@secmat/backstage-plugin-security-maturity-common';
import express, { NextFunction, Request, Response } from 'express';
import { inflateRawSync } from 'zlib';
import { spec } from '../schema/openapi.generated';
import { StaffingService } from '../staffing/StaffingService';
import { callerOf } from './callers';

/** The upload routes of the staffing workbook, relative to the router. */
const UPLOAD_PATH = /^\/org\/staffing\/workbook\/(preview|apply)\/?$/;

const REFUSED_KINDS = {
  xlsm: 'Macro-enabled workbooks (.xlsm) are refused; save the workbook as .xlsx',
  xls: 'Legacy Excel workbooks (.xls) are refused; save the workbook as .xlsx',
  unknown: 'The file is not an XLSX workbook (.xlsx)',
};

type WithWorkbook = Request & { workbook?: Buffer };

const refuse = (
  req: Request,
  res: Response,
  status: number,
  name: string,
  message: string,
) =>
  res.status(status).json({
    error: { name, message },
    request: { method: req.method, url: req.originalUrl },
    response: { statusCode: status },
  });

/**
 * What the bytes of an upload are: an XLSX workbook is a zip (PK\x03\x04)
 * with `xl/workbook.xml` and no VBA project; a macro-enabled workbook
 * (.xlsm) has `xl/vbaProject.bin` or declares the macro-enabled content
 * type; a legacy .xls is an OLE2 compound file (D0 CF 11 E0). The zip's
 * central directory is read for the names, and only the small
 * `[Content_Types].xml` is inflated (at most 4 MB out).
 */
export function sniffWorkbook(
  body: Buffer,
): 'xlsx' | 'xlsm' | 'xls' | 'unknown' {
  if (body.length >= 8 && body.readUInt32BE(0) === 0xd0cf11e0) return 'xls';
  if (body.length < 22 || body.readUInt32LE(0) !== 0x04034b50) {
    return 'unknown';
  }
  const entries = zipEntries(body);
  if (!entries) return 'unknown';
  const byName = new Map(
    entries.map(e => [e.name.toLocaleLowerCase('en-US'), e]),
  );
  if ([...byName.keys()].some(n => n.endsWith('vbaproject.bin'))) {
    return 'xlsm';
  }
  if (!byName.has('xl/workbook.xml')) return 'unknown';
  const types = byName.get('[content_types].xml');
  if (!types) return 'unknown';
  const text = entryText(body, types);
  if (text === undefined) return 'unknown';
  return /macroEnabled/i.test(text) ? 'xlsm' : 'xlsx';
}

type ZipEntry = {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
};

/** The text of a small zip entry (stored or deflated), at most 1 MB. */
function entryText(body: Buffer, entry: ZipEntry): string | undefined {
  const at = entry.localOffset;
  if (at + 30 > body.length || body.readUInt32LE(at) !== 0x04034b50) {
    return undefined;
  }
  if (entry.compressedSize > 1024 * 1024) return undefined;
  const start =
    at + 30 + body.readUInt16LE(at + 26) + body.readUInt16LE(at + 28);
  const data = body.subarray(start, start + entry.compressedSize);
  try {
    if (entry.method === 0) return data.toString('utf8');
    if (entry.method === 8) {
      return inflateRawSync(data, {
        maxOutputLength: 4 * 1024 * 1024,
      }).toString('utf8');
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** The entries of a zip's central directory, or undefined if broken. */
function zipEntries(body: Buffer): ZipEntry[] | undefined {
  // The end of central directory record is in the last 64 kB + 22 bytes.
  const from = Math.max(0, body.length - 65557);
  let eocd = -1;
  for (let i = body.length - 22; i >= from; i--) {
    if (body.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = body.readUInt16LE(eocd + 10);
  let at = body.readUInt32LE(eocd + 16);
  const names: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > body.length || body.readUInt32LE(at) !== 0x02014b50) {
      return undefined;
    }
    const nameLength = body.readUInt16LE(at + 28);
    const extra = body.readUInt16LE(at + 30);
    const comment = body.readUInt16LE(at + 32);
    names.push({
      name: body.toString('utf8', at + 46, at + 46 + nameLength),
      method: body.readUInt16LE(at + 10),
      compressedSize: body.readUInt32LE(at + 20),
      localOffset: body.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

/**
 * The body of a workbook upload: only XLSX (415 for anything else, by
 * Content-Type and by the bytes: macro-enabled and legacy workbooks are
 * refused), at most `maxUploadBytes` (413). Answered here, before the
 * service is reached, so that a refusal writes nothing.
 */
export function staffingUpload(options: { maxUploadBytes: number }) {
  const raw = express.raw({
    type: () => true,
    limit: options.maxUploadBytes,
  });
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'POST' || !UPLOAD_PATH.test(req.path)) {
      next();
      return;
    }
    const type = req.headers['content-type'];
    if (!req.is(STAFFING_WORKBOOK_TYPE)) {
      refuse(
        req,
        res,
        415,
        'UnsupportedMediaTypeError',
        `Upload the workbook as ${STAFFING_WORKBOOK_TYPE} (.xlsx), not ${
          type ?? 'without a Content-Type'
        }`,
      );
      return;
    }
    const limit = `${Math.round(options.maxUploadBytes / 1024 / 1024)} MB`;
    const declared = Number(req.headers['content-length']);
    if (declared > options.maxUploadBytes) {
      refuse(
        req,
        res,
        413,
        'PayloadTooLargeError',
        `The workbook is larger than the ${limit} an upload may be`,
      );
      return;
    }
    // The JSON parser before has set an empty body; the raw parser only
    // reads a body that is not yet read.
    (req as any)._body = false;
    raw(req, res, error => {
      if (error) {
        const status = (error as { status?: number }).status;
        if (status === 413) {
          refuse(
            req,
            res,
            413,
            'PayloadTooLargeError',
            `The workbook is larger than the ${limit} an upload may be`,
          );
          return;
        }
        refuse(req, res, 400, 'InputError', 'The upload could not be read');
        return;
      }
      const body = req.body as Buffer;
      if (!Buffer.isBuffer(body) || body.length === 0) {
        refuse(
          req,
          res,
          400,
          'InputError',
          'The upload is empty; send the workbook as the body',
        );
        return;
      }
      const kind = sniffWorkbook(body);
      if (kind !== 'xlsx') {
        refuse(req, res, 415, 'UnsupportedMediaTypeError', REFUSED_KINDS[kind]);
        return;
      }
      (req as WithWorkbook).workbook = body;
      next();
    });
  };
}

/** The workbook's name as the history rows name it: printable, short. */
const workbookName = (name: unknown) =>
  (typeof name === 'string' && name.trim()
    ? name.trim()
    : 'staffing workbook.xlsx'
  ).slice(0, 200);

/**
 * The staffing, capacity and RASI workbook (export, preview, apply) and the
 * capacity view of the org page. The spec has checked queries and bodies;
 * the upload middleware has checked the file's type and size.
 */
export function registerStaffingRoutes(
  router: ApiRouter<typeof spec>,
  options: { httpAuth: HttpAuthService; staffing: StaffingService },
) {
  const { httpAuth, staffing } = options;
  const caller = (req: Parameters<typeof callerOf>[1]) =>
    callerOf(httpAuth, req);
  const split = (query: Record<string, unknown>) => {
    const { quarter, name, ...filter } = query as Record<string, string>;
    return { quarter: quarter as Quarter | undefined, name, filter };
  };

  router.get('/org/staffing/capacity', async (req, res) => {
    const { quarter, filter } = split(req.query);
    res.json(await staffing.capacityView(await caller(req), filter, quarter));
  });

  router.put('/org/staffing/capacity', async (req, res) => {
    res.json(
      await staffing.setCapacity(await caller(req), {
        ...req.body,
        quarter: req.body.quarter as Quarter,
      }),
    );
  });

  router.get('/org/staffing/workbook', async (req, res) => {
    const { quarter, filter } = split(req.query);
    const file = await staffing.exportWorkbook(
      await caller(req),
      filter,
      quarter,
    );
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${file.filename}"`,
    );
    res.type(STAFFING_WORKBOOK_TYPE).send(file.body);
  });

  router.post('/org/staffing/workbook/preview', async (req, res) => {
    const { quarter, name } = split(req.query);
    res.json(
      await staffing.preview(
        await caller(req),
        (req as unknown as WithWorkbook).workbook!,
        workbookName(name),
        quarter,
      ),
    );
  });

  router.post('/org/staffing/workbook/apply', async (req, res) => {
    const { quarter, name } = split(req.query);
    res.json(
      await staffing.apply(
        await caller(req),
        (req as unknown as WithWorkbook).workbook!,
        workbookName(name),
        quarter,
      ),
    );
  });
}

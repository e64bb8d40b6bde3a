import { HttpAuthService } from '@backstage/backend-plugin-api';
import { ApiRouter } from '@backstage/backend-openapi-utils';
import express, { NextFunction, Request, Response } from 'express';
import { spec } from '../schema/openapi.generated';
import { RecordsService } from '../service/RecordsService';
import { ENTITY_PATH as E, entityCaller } from './callers';

/** The push route of tools' files, relative to the plugin's router. */
const PUSH_PATH = /^\/entities\/[^/]+\/[^/]+\/[^/]+\/evidence\/[^/]+\/?$/;

type WithRaw = Request & { rawBody?: Buffer };

const errorBody = (
  req: Request,
  status: number,
  name: string,
  message: string,
) => ({
  error: { name, message },
  request: { method: req.method, url: req.originalUrl },
  response: { statusCode: status },
});

/**
 * The JSON body parser of the plugin's routes: 256 kB for records, the
 * configured limit (25 MB by default) for tools' files pushed by CI, whose
 * bytes are kept for their hash. A pushed file that is not JSON is a 415 and
 * one above the limit a 413, each naming the problem, before anything else
 * runs (the validator would turn both into a 400).
 */
export function bodyParsers(options: { maxUploadBytes: number }) {
  const records = express.json({ limit: '256kb' });
  const files = express.json({
    limit: options.maxUploadBytes,
    type: ['application/json', 'application/*+json'],
    verify: (req, _res, buf) => {
      (req as WithRaw).rawBody = buf;
    },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'POST' || !PUSH_PATH.test(req.path)) {
      records(req, res, next);
      return;
    }
    const type = req.headers['content-type'];
    // null: no body at all, which the spec's validator refuses (400).
    if (req.is(['application/json', 'application/*+json']) === false) {
      res
        .status(415)
        .json(
          errorBody(
            req,
            415,
            'UnsupportedMediaTypeError',
            `Send the tool's file as application/json, not ${
              type ?? 'without a Content-Type'
            }`,
          ),
        );
      return;
    }
    files(req, res, error => {
      if (!error) {
        // application/sarif+json, application/vnd.cyclonedx+json and the
        // like are JSON: the spec's validator knows application/json.
        req.headers['content-type'] = 'application/json';
        next();
        return;
      }
      const status = (error as { status?: number }).status;
      if (status === 413) {
        res
          .status(413)
          .json(
            errorBody(
              req,
              413,
              'PayloadTooLargeError',
              `The file is larger than the ${Math.round(
                options.maxUploadBytes / 1024 / 1024,
              )} MB a push may be (securityMaturity.evidence.maxUploadMegabytes)`,
            ),
          );
        return;
      }
      res
        .status(400)
        .json(
          errorBody(
            req,
            400,
            'InputError',
            `The file is not valid JSON: ${(error as Error).message}`,
          ),
        );
    });
  };
}

/**
 * Evidence from tools: CI pushes a tool's file for a component (the records
 * service checks, summarises, writes, audits and rescores); anyone who may
 * read the component reads its current signals.
 */
export function registerEvidenceRoutes(
  router: ApiRouter<typeof spec>,
  options: { httpAuth: HttpAuthService; records: RecordsService },
) {
  const { records: r } = options;
  const at = entityCaller(options.httpAuth);

  router.get(`${E}/evidence`, async (req, res) => {
    res.json({ items: await r.listEntityEvidence(...(await at(req))) });
  });
  router.post(`${E}/evidence/:format`, async (req, res) => {
    const raw =
      (req as unknown as WithRaw).rawBody ??
      Buffer.from(JSON.stringify(req.body));
    const result = await r.pushEntityEvidence(...(await at(req)), {
      format: req.params.format,
      document: req.body,
      raw,
      link: req.query.link,
    });
    res.status(result.unchanged ? 200 : 201).json(result);
  });
}

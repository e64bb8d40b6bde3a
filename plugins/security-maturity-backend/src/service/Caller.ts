import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Request } from 'express';

/**
 * Who asks, as every entry point hands it to the services: verified
 * credentials, and the HTTP request when there is one (the auditor reads the
 * caller's address from it). Actions and scheduled tasks have no request.
 */
export type Caller = {
  credentials: BackstageCredentials;
  request?: Request<any, any, any, any, any>;
  /** Set by the demo loader: its changes are audited as demo data. */
  demo?: boolean;
};

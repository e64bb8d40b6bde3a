import { AuditorService } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { Request } from 'express';

/**
 * Wraps a mutation in an audit event: medium for edits, high for approvals and
 * sign-offs. Meta carries identifiers only, never free text or tokens. Denials
 * and bad input inside `fn` are recorded as failures too.
 */
export async function audited<T>(
  auditor: AuditorService,
  req: Request<any, any, any, any>,
  options: {
    actionType: string;
    severityLevel?: 'medium' | 'high';
    meta: JsonObject;
  },
  fn: () => Promise<T>,
): Promise<T> {
  const event = await auditor.createEvent({
    eventId: 'record-mutate',
    severityLevel: options.severityLevel ?? 'medium',
    meta: { actionType: options.actionType, ...options.meta },
    request: req,
  });
  try {
    const result = await fn();
    await event.success();
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}

import {
  AuditorService,
  AuditorServiceEventSeverityLevel,
} from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import { Caller } from './Caller';

/** What an audited operation records about itself. */
export type AuditSpec = {
  eventId?: string;
  actionType: string;
  severityLevel?: AuditorServiceEventSeverityLevel;
  /** Identifiers only, never free text or tokens. */
  meta?: JsonObject;
};

/**
 * Runs an operation inside an audit event: success or failure (denials and
 * bad input included) is recorded. Without a request (actions, scheduled
 * tasks) the auditor names the plugin as the actor, so the caller's identity
 * goes into the meta as `onBehalfOf`.
 */
export async function audited<T>(
  auditor: AuditorService,
  caller: Caller | undefined,
  spec: AuditSpec,
  fn: () => Promise<T>,
  successMeta?: (result: T) => JsonObject,
): Promise<T> {
  const principal = caller?.credentials.principal as
    | { type: string; userEntityRef?: string; subject?: string }
    | undefined;
  const onBehalfOf =
    caller && !caller.request
      ? principal?.userEntityRef ?? principal?.subject
      : undefined;
  const event = await auditor.createEvent({
    eventId: spec.eventId ?? 'record-mutate',
    severityLevel: spec.severityLevel ?? 'medium',
    request: caller?.request,
    meta: {
      actionType: spec.actionType,
      ...spec.meta,
      ...(onBehalfOf ? { onBehalfOf } : {}),
      ...(caller?.demo ? { demo: true } : {}),
    },
  });
  try {
    const result = await fn();
    await event.success(
      successMeta ? { meta: successMeta(result) } : undefined,
    );
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}

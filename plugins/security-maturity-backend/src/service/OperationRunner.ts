import { AuditorService, LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { JsonObject } from '@backstage/types';
import {
  EntityAccess,
  EntityAccessPolicy,
  EntityPath,
} from '../access/AccessControl';
import { WrittenChange } from '../database/records/RecordsTransaction';
import { RuleViolation } from '../domain/RuleViolation';
import { SecurityNotifier } from '../notify/SecurityNotifier';
import { ScoringService } from '../scoring/ScoringService';
import { audited } from './auditing';
import { Caller } from './Caller';
import { toPublicError } from './publicErrors';

/** Which check an operation passes before it runs. */
export type AccessLevel =
  | 'read'
  | 'edit'
  | 'user'
  | 'signoff'
  | 'approve'
  | 'evidence';

/** How an operation on an entity's records is checked and audited. */
export type Operation = {
  actionType: string;
  access: AccessLevel;
  /** Approvals and sign-offs are high; other edits medium. */
  severityLevel?: 'medium' | 'high';
  meta?: JsonObject;
};

/**
 * Runs an operation on one entity's records the same way for every entry
 * point: inside an audit event, check the caller's access, run the change
 * (domain rule violations become 400/403/409), then rescore the entity and
 * tell whom it concerns (signals, events, notifications).
 */
export class OperationRunner {
  constructor(
    private readonly deps: {
      access: EntityAccessPolicy;
      auditor: AuditorService;
      scoring: ScoringService;
      logger: LoggerService;
      /** The time of changes, and so of the rescoring that follows them. */
      clock: () => Date;
      /** Announces committed changes; absent where nobody is to be told. */
      notifier?: SecurityNotifier;
    },
  ) {}

  async run<T>(
    caller: Caller,
    path: EntityPath,
    operation: Operation,
    fn: (access: EntityAccess) => Promise<T>,
    /** Where `fn` collects the history rows it writes. */
    written: WrittenChange[] = [],
  ): Promise<T> {
    let entity: Entity | undefined;
    let actor = '';
    const result = await audited(
      this.deps.auditor,
      caller,
      {
        actionType: operation.actionType,
        severityLevel: operation.severityLevel,
        meta: { entityRef: stringifyEntityRef(path), ...operation.meta },
      },
      async () => {
        const access = await this.check(operation.access, caller, path);
        entity = access.entity;
        actor = access.actor;
        try {
          return await fn(access);
        } catch (error) {
          // Rule violations as their HTTP errors; database errors as a 409
          // (unique violation) or a generic 500, for every entry point.
          throw toPublicError(toHttpError(error), this.deps.logger);
        }
      },
    );
    const score = await this.rescore(entity!);
    // The demo's replayed year is history, not news: nobody is told of it.
    if (this.deps.notifier && !caller.demo) {
      await this.deps.notifier.afterChange({
        entity: entity!,
        actor,
        at: this.deps.clock(),
        written,
        score,
      });
    }
    return result;
  }

  check(level: AccessLevel, caller: Caller, path: EntityPath) {
    const { access } = this.deps;
    const { credentials } = caller;
    switch (level) {
      case 'read':
        return access.forRead(credentials, path);
      case 'edit':
        return access.forEdit(credentials, path);
      case 'user':
        return access.forUser(credentials, path);
      case 'signoff':
        return access.forSignOff(credentials, path);
      case 'approve':
        return access.forApprove(credentials, path);
      case 'evidence':
        return access.forEvidencePush(credentials, path);
      default:
        throw new Error(`Unknown access level ${level}`);
    }
  }

  // A record change moves the score at once. The change itself is already
  // committed, so a scoring failure is logged, not answered; the scheduled
  // rescoring repairs it.
  private async rescore(entity: Entity) {
    try {
      return await this.deps.scoring.rescoreEntityFrom(
        entity,
        this.deps.clock(),
      );
    } catch (error) {
      this.deps.logger.error(
        `Could not rescore ${stringifyEntityRef(entity)}`,
        error as Error,
      );
      return undefined;
    }
  }
}

/** A broken domain rule as the HTTP error it means; other errors unchanged. */
export function toHttpError(error: unknown): unknown {
  if (!(error instanceof RuleViolation)) return error;
  switch (error.kind) {
    case 'forbidden':
      return new NotAllowedError(error.message);
    case 'conflict':
      return new ConflictError(error.message);
    case 'not-found':
      return new NotFoundError(error.message);
    default:
      return new InputError(error.message);
  }
}

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
import { RuleViolation } from '../domain/RuleViolation';
import { ScoringService } from '../scoring/ScoringService';
import { audited } from './auditing';
import { Caller } from './Caller';

/** Which check an operation passes before it runs. */
export type AccessLevel = 'read' | 'edit' | 'user' | 'approve' | 'evidence';

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
 * (domain rule violations become 400/403/409), then rescore the entity.
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
    },
  ) {}

  async run<T>(
    caller: Caller,
    path: EntityPath,
    operation: Operation,
    fn: (access: EntityAccess) => Promise<T>,
  ): Promise<T> {
    let entity: Entity | undefined;
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
        try {
          return await fn(access);
        } catch (error) {
          throw toHttpError(error);
        }
      },
    );
    await this.rescore(entity!);
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
      await this.deps.scoring.rescoreEntity(entity, this.deps.clock());
    } catch (error) {
      this.deps.logger.error(
        `Could not rescore ${stringifyEntityRef(entity)}`,
        error as Error,
      );
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

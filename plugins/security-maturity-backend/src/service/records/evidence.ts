import { isDatabaseConflictError } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  EvidenceSignal,
  EvidenceUploadResult,
  isEvidenceFormat,
} from '@secmat/backstage-plugin-security-maturity-common';
import { createHash } from 'crypto';
import { EntityAccess } from '../../access/AccessControl';
import { SignalWrite } from '../../database/evidence/EvidenceStore';
import { parseEvidence } from '../../evidence/ingest';
import { change, RecordContext } from './RecordContext';

/** A tool's file as CI pushed it. */
export type EvidencePush = {
  /** `sarif`, `openssf-scorecard`, `cyclonedx` or `slsa-provenance`. */
  format: string;
  /** The parsed JSON document. */
  document: unknown;
  /** The bytes as received: hashed, measured and maybe kept. */
  raw: Buffer;
  /** Where to see the tool's own result, e.g. the CI run (http(s)). */
  link?: string;
};

const withoutState = ({ state: _, ...signal }: SignalWrite): EvidenceSignal =>
  signal;

/**
 * Summarises a tool's file into the entity's signals, with a history row, in
 * one change to its records. The same file again (by SHA-256) changes
 * nothing and answers what it gave the first time. A file that is not valid
 * for its format is refused before anything is written.
 */
export async function pushEntityEvidence(
  ctx: RecordContext,
  access: EntityAccess,
  input: EvidencePush,
): Promise<EvidenceUploadResult> {
  const evidence = ctx.evidence;
  if (!evidence) throw new Error('Evidence is not set up');
  const { format } = input;
  if (!isEvidenceFormat(format)) {
    throw new InputError(`Unknown evidence format '${format}'`);
  }
  if (input.link !== undefined && !/^https?:\/\//i.test(input.link)) {
    throw new InputError('link must be an http(s) URL');
  }
  const parsed = parseEvidence(format, input.document);
  const sha256 = createHash('sha256').update(input.raw).digest('hex');
  const before = await evidence.store.findUpload(
    access.entityRef,
    format,
    sha256,
  );
  if (before) return before;
  const size = input.raw.length;
  try {
    return await change(ctx, access, async tx => {
      const writer = tx.evidence();
      const previous = new Map(
        (await writer.current(format)).map(s => [s.key, s]),
      );
      const drafts = parsed.summarise({
        now: tx.now,
        validDays: evidence.settings.validDays[format],
        previous,
      });
      // A secret scanner's file may hold the secrets it found: never kept.
      const secrets = drafts.some(
        d => (d.value as { secretScanning?: boolean }).secretScanning,
      );
      const keep = size <= evidence.settings.keepRawMaxBytes && !secrets;
      const signals: SignalWrite[] = drafts.map(d => ({
        entityRef: tx.entityRef,
        source: format,
        key: d.key,
        value: d.value,
        observedAt: d.observedAt,
        validUntil: d.validUntil,
        ...(input.link ? { link: input.link } : {}),
        ...(d.state !== undefined ? { state: d.state } : {}),
      }));
      const result: Omit<EvidenceUploadResult, 'unchanged'> = {
        format,
        sha256,
        receivedAt: tx.now.toISOString(),
        receivedBy: tx.actor,
        size,
        rawKept: keep,
        signals: signals.map(withoutState),
      };
      const id = await writer.insertUpload(
        {
          format,
          sha256,
          size,
          raw: keep ? input.raw.toString('utf8') : undefined,
          link: input.link,
        },
        signals,
        result,
      );
      await tx.history('evidence', id, 'push', {
        format,
        sha256,
        signals: signals.map(s => s.key),
      });
      return { ...result, unchanged: false };
    });
  } catch (error) {
    // The same file pushed twice at once: the other push wrote it.
    if (isDatabaseConflictError(error)) {
      const other = await evidence.store.findUpload(
        access.entityRef,
        format,
        sha256,
      );
      if (other) return other;
    }
    throw error;
  }
}

/** The entity's current signals, newest per source and key. */
export async function listEntityEvidence(
  ctx: RecordContext,
  entityRef: string,
): Promise<EvidenceSignal[]> {
  if (!ctx.evidence) return [];
  const signals = await ctx.evidence.store.readCurrent([entityRef]);
  return [...signals.values()][0] ?? [];
}

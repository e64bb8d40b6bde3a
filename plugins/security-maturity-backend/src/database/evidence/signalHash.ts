import { createHash } from 'crypto';
import { EvidenceSignal } from '@secmat/backstage-plugin-security-maturity-common';

/** The content hash that makes writing the same signal twice a no-op. */
export function signalHash(signal: EvidenceSignal): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        signal.source,
        signal.key,
        signal.value,
        new Date(signal.observedAt).toISOString(),
        signal.validUntil ? new Date(signal.validUntil).toISOString() : null,
        signal.link ?? null,
      ]),
    )
    .digest('hex');
}

import { Config } from '@backstage/config';
import {
  EVIDENCE_FORMATS,
  EvidenceFormat,
} from '@secmat/backstage-plugin-security-maturity-common';

/** What `securityMaturity.evidence` configures. */
export type EvidenceSettings = {
  /** The largest file CI may push, in bytes (413 above). */
  maxUploadBytes: number;
  /** Raw files up to this size are kept with their summary; larger ones are not. */
  keepRawMaxBytes: number;
  /** Days signals replaced by newer ones and pushed files are kept. */
  retentionDays: number;
  /** Days a signal of each format may be relied on after it was observed. */
  validDays: Record<EvidenceFormat, number>;
};

export const defaultEvidenceSettings: EvidenceSettings = {
  maxUploadBytes: 25 * 1024 * 1024,
  keepRawMaxBytes: 1024 * 1024,
  retentionDays: 400,
  // Scans and scorecards describe the code as it is now: a month. An SBOM
  // and provenance describe a build that stays what it was: a quarter.
  validDays: {
    sarif: 30,
    'openssf-scorecard': 30,
    cyclonedx: 90,
    'slsa-provenance': 90,
  },
};

const MEGABYTE = 1024 * 1024;

export function readEvidenceSettings(config: Config): EvidenceSettings {
  const c = config.getOptionalConfig('securityMaturity.evidence');
  const d = defaultEvidenceSettings;
  if (!c) return d;
  const validDays = { ...d.validDays };
  for (const format of EVIDENCE_FORMATS) {
    const days = c.getOptionalNumber(`validDays.${format}`);
    if (days !== undefined) validDays[format] = days;
  }
  const maxMb = c.getOptionalNumber('maxUploadMegabytes');
  const keepKb = c.getOptionalNumber('keepRawKilobytes');
  return {
    maxUploadBytes: maxMb !== undefined ? maxMb * MEGABYTE : d.maxUploadBytes,
    keepRawMaxBytes: keepKb !== undefined ? keepKb * 1024 : d.keepRawMaxBytes,
    retentionDays: c.getOptionalNumber('retentionDays') ?? d.retentionDays,
    validDays,
  };
}

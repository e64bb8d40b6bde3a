import { EvidenceSignal } from '@secmat/backstage-plugin-security-maturity-common';

const day = (iso: string) => iso.slice(0, 10);

/** The tool or kind of file a signal came from, for its heading. */
export function signalTitle(signal: EvidenceSignal): string {
  const v = (signal.value ?? {}) as Record<string, any>;
  switch (signal.source) {
    case 'sarif':
      return `${v.tool ?? signal.key} (SARIF)`;
    case 'openssf-scorecard':
      return `OpenSSF Scorecard: ${v.repo ?? signal.key}`;
    case 'cyclonedx':
      return `SBOM (CycloneDX${v.specVersion ? ` ${v.specVersion}` : ''})`;
    case 'slsa-provenance':
      return 'SLSA provenance';
    default:
      return `${signal.source}: ${signal.key}`;
  }
}

/** What the tool said, in one line. */
export function signalSummary(signal: EvidenceSignal): string {
  const v = (signal.value ?? {}) as Record<string, any>;
  switch (signal.source) {
    case 'sarif': {
      const l = v.byLevel ?? {};
      const parts = [
        `${v.results ?? 0} open findings (${l.error ?? 0} errors, ${
          l.warning ?? 0
        } warnings, ${l.note ?? 0} notes) from ${v.rules ?? 0} rules`,
      ];
      if (typeof v.new === 'number') {
        parts.push(
          `${v.new} new and ${v.fixed ?? 0} fixed since ${
            v.previousObservedAt ? day(v.previousObservedAt) : 'the last upload'
          }`,
        );
      }
      if (v.errorsOpen && v.oldestErrorSince) {
        parts.push(`oldest open error since ${day(v.oldestErrorSince)}`);
      }
      return parts.join('; ');
    }
    case 'openssf-scorecard': {
      const lowest = (v.lowest ?? []) as Array<{
        check: string;
        score: number;
      }>;
      return `Score ${v.score ?? '?'}/10${
        lowest.length
          ? `; lowest: ${lowest.map(c => `${c.check} ${c.score}`).join(', ')}`
          : ''
      }`;
    }
    case 'cyclonedx':
      return `${v.components ?? 0} components${
        v.subject ? ` of ${v.subject}` : ''
      }${
        v.hasDependencies
          ? ', with the dependency graph'
          : ', without the dependency graph'
      }`;
    case 'slsa-provenance':
      return `SLSA build level ${v.buildLevel ?? 0} (${
        v.signed ? 'signed' : 'unsigned'
      }) from ${v.builderId ?? 'an unnamed builder'}`;
    default: {
      const text = JSON.stringify(signal.value);
      return text.length > 160 ? `${text.slice(0, 157)}…` : text;
    }
  }
}

import { EvidenceJson } from '@secmat/backstage-plugin-security-maturity-common';
import { observedTime, SignalDraft, SummaryContext, validFor } from './types';

export type CycloneDxBom = {
  bomFormat: 'CycloneDX';
  specVersion: '1.5' | '1.6';
  metadata?: {
    timestamp?: string;
    component?: { name?: string; version?: string };
    tools?: unknown;
  };
  components?: Array<{ name: string; type?: string; purl?: string }>;
  dependencies?: Array<{ ref: string; dependsOn?: string[] }>;
};

/** The SAMM rules read these fields (see the module's rules/signals.ts). */
export type SbomSummary = {
  specVersion: string;
  subject: string | null;
  /** Components listed (the dependency inventory). */
  components: number;
  /** Components with a package URL, which vulnerability databases match on. */
  withPurl: number;
  /** Whether the dependency graph is there (who depends on whom). */
  hasDependencies: boolean;
  tools: string[];
};

function toolNames(tools: unknown): string[] {
  // 1.4 style: an array of tools; 1.5+: { components: [...], services: [...] }.
  let list: unknown[] = [];
  if (Array.isArray(tools)) list = tools;
  else if (tools && typeof tools === 'object') {
    list = [
      ...(((tools as any).components as unknown[]) ?? []),
      ...(((tools as any).services as unknown[]) ?? []),
    ];
  }
  return list
    .map(t => (t && typeof t === 'object' ? (t as any).name : undefined))
    .filter((n): n is string => typeof n === 'string')
    .slice(0, 5);
}

/** One signal: the SBOM's size and shape. */
export function summariseCycloneDx(
  bom: CycloneDxBom,
  ctx: SummaryContext,
): SignalDraft[] {
  const observedAt = observedTime(ctx.now, bom.metadata?.timestamp);
  const components = bom.components ?? [];
  const subject = bom.metadata?.component?.name
    ? `${bom.metadata.component.name}${
        bom.metadata.component.version
          ? `@${bom.metadata.component.version}`
          : ''
      }`
    : null;
  const summary: SbomSummary = {
    specVersion: bom.specVersion,
    subject,
    components: components.length,
    withPurl: components.filter(c => typeof c.purl === 'string').length,
    hasDependencies: (bom.dependencies ?? []).some(
      d => (d.dependsOn ?? []).length > 0,
    ),
    tools: toolNames(bom.metadata?.tools),
  };
  return [
    {
      key: 'sbom',
      value: summary as unknown as EvidenceJson,
      observedAt,
      validUntil: validFor(observedAt, ctx.validDays),
    },
  ];
}

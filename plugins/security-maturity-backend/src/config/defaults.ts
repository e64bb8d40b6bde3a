import {
  resolveTargetProfile,
  TierDefinition,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';

// The default workflow, from the product's two workflow documents (secure SDLC
// stage gates and the security & privacy workflow). Every part can be replaced
// in app-config under securityMaturity.*.

const ALL_TIERS = ['1', '2', '3'];

/** A tier whose practice targets follow the OWASP SAMM benchmark's proportions. */
function tier(id: string, title: string, targetScore: number): TierDefinition {
  const { profile } = resolveTargetProfile({ targetScore });
  return { id, title, targetScore, targetProfile: profile };
}

export const defaultWorkflow: WorkflowConfig = {
  stages: [
    {
      id: 'intake',
      title: 'Intake & classification',
      activities: [
        'Classify the data the change handles',
        'List new integrations and auth-flow changes',
        'Record internet exposure and regulatory obligations',
      ],
      exitCriteria: [
        {
          id: 'classified',
          title: 'Data classification and exposure recorded',
        },
        {
          id: 'tier-agreed',
          title: 'Risk tier agreed with the security partner',
        },
        {
          id: 'reviews-identified',
          title: 'Required reviews identified (security, privacy, compliance)',
        },
      ],
      signOffActivityId: 'intake-classification',
      requiredForTiers: ALL_TIERS,
    },
    {
      id: 'threat-modeling',
      title: 'Threat modeling & requirements',
      activities: [
        'Model attack surface, assets and trust boundaries',
        'Identify privacy considerations',
        'Turn threats into requirements and backlog items',
      ],
      exitCriteria: [
        {
          id: 'risks-documented',
          title: 'Risks documented with mitigation strategies',
        },
        {
          id: 'decisions-tracked',
          title: 'Decisions tracked with owners and re-review triggers',
        },
        { id: 'definition-of-ready', title: 'Definition of Ready satisfied' },
      ],
      signOffActivityId: 'threat-modeling',
      requiredForTiers: ['1', '2'],
    },
    {
      id: 'design',
      title: 'Design & controls',
      activities: [
        'Capture the architecture in an ADR or RFC with security trade-offs',
        'Define authentication, authorization, encryption and audit controls',
        'Plan logging, anomaly detection and incident response updates',
      ],
      exitCriteria: [
        { id: 'adr', title: 'ADR/RFC with security trade-offs written' },
        {
          id: 'controls-approved',
          title: 'Control design approved by security and privacy stakeholders',
        },
      ],
      signOffActivityId: 'design-review',
      requiredForTiers: ['1', '2'],
    },
    {
      id: 'implementation',
      title: 'Implementation',
      activities: [
        'Follow secure coding standards and vetted libraries',
        'Least privilege, secret rotation and secure defaults',
        'SAST, DAST and dependency scanning in the pipeline',
      ],
      exitCriteria: [
        { id: 'scans-passing', title: 'Merged with passing security scans' },
        {
          id: 'control-mappings',
          title: 'Documentation updated with control mappings',
        },
      ],
      signOffActivityId: 'implementation-review',
      requiredForTiers: ALL_TIERS,
    },
    {
      id: 'validation',
      title: 'Validation & certification',
      activities: [
        'Manual testing, penetration test or red team as needed',
        'ASVS checklist and data protection impact assessment',
        'Verify privacy notices, consent and data subject rights',
      ],
      exitCriteria: [
        {
          id: 'findings-resolved',
          title: 'Findings resolved or accepted with tracked remediation',
        },
        { id: 'asvs', title: 'ASVS checklist complete' },
        { id: 'go-no-go', title: 'Go/no-go sign-off granted' },
      ],
      signOffActivityId: 'validation',
      requiredForTiers: ['1'],
    },
    {
      id: 'launch',
      title: 'Launch & monitoring',
      activities: [
        'Security monitoring dashboards, alerts and response hooks',
        'Rollout plan shared with on-call and security operations',
        'Logging retention and audit requirements',
      ],
      exitCriteria: [
        {
          id: 'monitoring-active',
          title: 'Release complete with monitoring active',
        },
        { id: 'runbooks-updated', title: 'Incident runbooks updated' },
      ],
      signOffActivityId: 'release-sign-off',
      requiredForTiers: ALL_TIERS,
    },
    {
      id: 'governance',
      title: 'Continuous governance',
      activities: [
        'Periodic control reviews and access audits',
        'Security and privacy debt in the risk register',
        'Lessons learned shared and standards updated',
      ],
      exitCriteria: [
        {
          id: 'review-scheduled',
          title: 'Next control review and access audit scheduled',
        },
        {
          id: 'risk-register',
          title: 'Open debt tracked in the risk register',
        },
      ],
      signOffActivityId: 'governance-review',
      requiredForTiers: ALL_TIERS,
    },
  ],
  rasiActivities: [
    { id: 'intake-classification', title: 'Intake classification' },
    { id: 'threat-modeling', title: 'Threat modeling' },
    { id: 'design-review', title: 'Security design review' },
    { id: 'implementation-review', title: 'Secure implementation' },
    { id: 'validation', title: 'Security validation and go/no-go' },
    { id: 'release-sign-off', title: 'Release sign-off' },
    { id: 'exception-approval', title: 'Exception approval' },
    { id: 'incident-isolate', title: 'Isolate traffic' },
    { id: 'incident-revoke', title: 'Revoke access' },
    { id: 'incident-freeze', title: 'Freeze rollout' },
    { id: 'incident-recover', title: 'Approve recovery' },
    { id: 'governance-review', title: 'Periodic control review' },
  ],
  tiers: [
    tier('1', 'Tier 1 — critical', 2),
    tier('2', 'Tier 2 — elevated', 1.5),
    tier('3', 'Tier 3 — low', 1),
  ],
  tierRules: [
    {
      tier: '1',
      reason: 'Handles restricted data',
      when: { dataClassificationIn: ['restricted'] },
    },
    {
      tier: '1',
      reason: 'Under regulatory obligations',
      when: { regulated: true },
    },
    {
      tier: '1',
      reason: 'Confidential data exposed to the internet',
      when: { internetExposure: true, dataClassificationIn: ['confidential'] },
    },
    {
      tier: '2',
      reason: 'Exposed to the internet',
      when: { internetExposure: true },
    },
    {
      tier: '2',
      reason: 'Changes an authentication or authorization flow',
      when: { authFlowChanges: true },
    },
    {
      tier: '2',
      reason: 'Adds new integrations',
      when: { newIntegrations: true },
    },
    {
      tier: '2',
      reason: 'Handles confidential data',
      when: { dataClassificationIn: ['confidential'] },
    },
    { tier: '3', reason: 'No elevated risk factor', when: {} },
  ],
  dataClassifications: ['public', 'internal', 'confidential', 'restricted'],
  baselineControls: [
    {
      id: 'run-as-non-root',
      title: 'Containers run as non-root',
      description: 'Pods set runAsNonRoot and drop privilege escalation.',
    },
    {
      id: 'network-policies',
      title: 'Network policies',
      description: 'Default-deny ingress and egress with explicit allow rules.',
    },
    {
      id: 'signed-images',
      title: 'Signed images only',
      description: 'Admission verifies image signatures and provenance.',
    },
    {
      id: 'resource-limits',
      title: 'Resource limits',
      description: 'Every container sets CPU and memory requests and limits.',
    },
    {
      id: 'read-only-root-fs',
      title: 'Read-only root filesystem',
      description: 'Containers mount their root filesystem read-only.',
    },
  ],
  securityLeadGroups: ['group:default/security-leads'],
  exceptionMaxDays: 180,
};

/**
 * Responses in the shapes the GitHub REST API (api version 2022-11-28) and
 * the OpenSSF Scorecard API v2 document, written by hand after their
 * reference pages' examples.
 */

const API = 'https://api.github.com';

const octocat = {
  login: 'octocat',
  id: 1,
  node_id: 'MDQ6VXNlcjE=',
  type: 'User',
  site_admin: false,
};

/** GET /repos/{owner}/{repo} */
export const repository = (
  owner: string,
  repo: string,
  options: { private?: boolean; defaultBranch?: string } = {},
) => ({
  id: 1296269,
  node_id: 'MDEwOlJlcG9zaXRvcnkxMjk2MjY5',
  name: repo,
  full_name: `${owner}/${repo}`,
  owner: { ...octocat, login: owner },
  private: options.private ?? false,
  html_url: `https://github.com/${owner}/${repo}`,
  description: 'This your first repo!',
  fork: false,
  url: `${API}/repos/${owner}/${repo}`,
  default_branch: options.defaultBranch ?? 'main',
  visibility: options.private ? 'private' : 'public',
  archived: false,
  disabled: false,
  pushed_at: '2026-11-30T10:00:00Z',
  created_at: '2024-01-26T19:01:12Z',
  updated_at: '2026-11-30T10:00:00Z',
  permissions: { admin: true, push: true, pull: true },
  security_and_analysis: {
    advanced_security: { status: 'enabled' },
    secret_scanning: { status: 'enabled' },
    secret_scanning_push_protection: { status: 'disabled' },
  },
});

/** One item of GET /repos/{owner}/{repo}/dependabot/alerts */
export const dependabotAlert = (
  number: number,
  severity: 'low' | 'medium' | 'high' | 'critical',
  createdAt: string,
  state: 'open' | 'dismissed' | 'fixed' | 'auto_dismissed' = 'open',
) => ({
  number,
  state,
  dependency: {
    package: { ecosystem: 'npm', name: `package-${number}` },
    manifest_path: 'package-lock.json',
    scope: 'runtime',
    relationship: 'transitive',
  },
  security_advisory: {
    ghsa_id: `GHSA-rf4j-j272-${String(number).padStart(4, '0')}`,
    cve_id: `CVE-2026-${1000 + number}`,
    summary: 'Prototype pollution in package',
    description: 'An attacker can add properties to Object.prototype.',
    vulnerabilities: [
      {
        package: { ecosystem: 'npm', name: `package-${number}` },
        severity,
        vulnerable_version_range: '< 4.17.21',
        first_patched_version: { identifier: '4.17.21' },
      },
    ],
    severity,
    cvss: {
      vector_string: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
      score: 9.8,
    },
    cwes: [{ cwe_id: 'CWE-1321', name: 'Prototype Pollution' }],
    identifiers: [{ value: `CVE-2026-${1000 + number}`, type: 'CVE' }],
    references: [{ url: 'https://nvd.nist.gov/vuln/detail/CVE-2026-1000' }],
    published_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-02T00:00:00Z',
    withdrawn_at: null,
  },
  security_vulnerability: {
    package: { ecosystem: 'npm', name: `package-${number}` },
    severity,
    vulnerable_version_range: '< 4.17.21',
    first_patched_version: { identifier: '4.17.21' },
  },
  url: `${API}/repos/octocat/hello-world/dependabot/alerts/${number}`,
  html_url: `https://github.com/octocat/hello-world/security/dependabot/${number}`,
  created_at: createdAt,
  updated_at: createdAt,
  dismissed_at: null,
  dismissed_by: null,
  dismissed_reason: null,
  dismissed_comment: null,
  fixed_at: null,
  auto_dismissed_at: null,
});

/** One item of GET /repos/{owner}/{repo}/code-scanning/alerts */
export const codeScanningAlert = (
  number: number,
  tool: string,
  severity: 'none' | 'note' | 'warning' | 'error',
  securitySeverity: 'low' | 'medium' | 'high' | 'critical' | null,
) => ({
  number,
  created_at: '2026-10-13T12:29:18Z',
  updated_at: '2026-10-13T12:29:18Z',
  url: `${API}/repos/octocat/hello-world/code-scanning/alerts/${number}`,
  html_url: `https://github.com/octocat/hello-world/code-scanning/${number}`,
  state: 'open',
  fixed_at: null,
  dismissed_by: null,
  dismissed_at: null,
  dismissed_reason: null,
  dismissed_comment: null,
  rule: {
    id: 'js/zipslip',
    severity,
    tags: ['security', 'external/cwe/cwe-022'],
    description: 'Arbitrary file write during zip extraction',
    name: 'js/zipslip',
    ...(securitySeverity ? { security_severity_level: securitySeverity } : {}),
  },
  tool: { name: tool, guid: null, version: '2.19.0' },
  most_recent_instance: {
    ref: 'refs/heads/main',
    analysis_key: '.github/workflows/codeql-analysis.yml:CodeQL-Build',
    environment: '{}',
    category: '.github/workflows/codeql-analysis.yml:CodeQL-Build',
    state: 'open',
    commit_sha: '39406e42cb832f683daa691dd652a8dc36ee8930',
    message: { text: 'This path depends on a user-provided value.' },
    location: {
      path: 'src/unzip.ts',
      start_line: 17,
      end_line: 17,
      start_column: 7,
      end_column: 18,
    },
    classifications: [],
  },
  instances_url: `${API}/repos/octocat/hello-world/code-scanning/alerts/${number}/instances`,
});

/** One item of GET /repos/{owner}/{repo}/secret-scanning/alerts */
export const secretScanningAlert = (number: number) => ({
  number,
  created_at: '2026-11-06T18:48:51Z',
  updated_at: '2026-11-06T18:48:51Z',
  url: `${API}/repos/octocat/hello-world/secret-scanning/alerts/${number}`,
  html_url: `https://github.com/octocat/hello-world/security/secret-scanning/${number}`,
  locations_url: `${API}/repos/octocat/hello-world/secret-scanning/alerts/${number}/locations`,
  state: 'open',
  resolution: null,
  resolved_at: null,
  resolved_by: null,
  resolution_comment: null,
  secret_type: 'mailchimp_api_key',
  secret_type_display_name: 'Mailchimp API Key',
  validity: 'unknown',
  publicly_leaked: false,
  multi_repo: false,
  push_protection_bypassed: false,
  push_protection_bypassed_by: null,
  push_protection_bypassed_at: null,
});

/** GET /repos/{owner}/{repo}/branches/{branch}/protection */
export const branchProtection = (
  owner: string,
  repo: string,
  branch: string,
) => {
  const url = `${API}/repos/${owner}/${repo}/branches/${branch}/protection`;
  return {
    url,
    required_status_checks: {
      url: `${url}/required_status_checks`,
      strict: true,
      contexts: ['ci/build'],
      contexts_url: `${url}/required_status_checks/contexts`,
      checks: [
        { context: 'ci/build', app_id: null },
        { context: 'CodeQL', app_id: 57789 },
      ],
    },
    restrictions: null,
    required_pull_request_reviews: {
      url: `${url}/required_pull_request_reviews`,
      dismiss_stale_reviews: true,
      require_code_owner_reviews: true,
      required_approving_review_count: 2,
      require_last_push_approval: false,
    },
    required_signatures: { url: `${url}/required_signatures`, enabled: false },
    enforce_admins: { url: `${url}/enforce_admins`, enabled: true },
    required_linear_history: { enabled: true },
    allow_force_pushes: { enabled: false },
    allow_deletions: { enabled: false },
    block_creations: { enabled: false },
    required_conversation_resolution: { enabled: true },
    lock_branch: { enabled: false },
    allow_fork_syncing: { enabled: false },
  };
};

/** GitHub's error bodies. */
export const githubError = (message: string, status: number) => ({
  message,
  documentation_url: 'https://docs.github.com/rest',
  status: String(status),
});

/** GET /projects/github.com/{owner}/{repo} of the Scorecard API v2. */
export const scorecardResult = (
  owner: string,
  repo: string,
  scores: Record<string, number>,
  date = '2026-11-25T08:16:23Z',
) => ({
  date,
  repo: {
    name: `github.com/${owner}/${repo}`,
    commit: '8d1a0b6c1e7cb3d9a0c5f6c1f0f2bd1a9a2b7e41',
  },
  scorecard: {
    version: 'v5.1.1',
    commit: 'a2b1e4f3c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5',
  },
  score: 7.4,
  checks: Object.entries(scores).map(([name, score]) => ({
    details: null,
    score,
    reason:
      score < 0
        ? 'internal error: no data'
        : `${score}/10 for ${name} in ${owner}/${repo}`,
    name,
    documentation: {
      url: `https://github.com/ossf/scorecard/blob/a2b1e4f3c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5/docs/checks.md#${name.toLowerCase()}`,
      short: `Determines the ${name} of the project.`,
    },
  })),
  metadata: null,
});

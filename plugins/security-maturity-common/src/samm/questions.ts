// Our own question wording for the 90 OWASP SAMM v2 activities, asked about one
// component. (SAMM's official wording is CC BY-SA 4.0; admins can load it with
// securityMaturity.samm.modelPath.)

/** @public */
export type SammAnswerOption = { value: number; label: string };

/** The four answers every question offers, in our wording. @public */
export const SAMM_ANSWER_OPTIONS: ReadonlyArray<SammAnswerOption> = [
  { value: 0, label: 'No' },
  { value: 0.25, label: 'Partly, in a small part' },
  { value: 0.5, label: 'Mostly, for at least half' },
  { value: 1, label: 'Yes, fully and consistently' },
];

/** Question per activity ID (model spelling), in our own words. @public */
export const SAMM_QUESTIONS: Readonly<Record<string, string>> = {
  'G-SM-1-A':
    'Is there an agreed goal for what application security must achieve here, based on the risk the business accepts?',
  'G-SM-2-A':
    'Is there a security roadmap, agreed with leadership, that plans improvements over the coming cycles?',
  'G-SM-3-A':
    'Is the security roadmap reviewed on a schedule and kept aligned with business goals and budget?',
  'G-SM-1-B':
    'Are a few security measures tracked, such as open findings or review coverage?',
  'G-SM-2-B':
    'Are security measures collected consistently and reported against targets?',
  'G-SM-3-B':
    'Do the measures drive decisions, with targets adjusted from trend data?',
  'G-PC-1-A':
    'Are the security policies and standards that apply written down and easy to find?',
  'G-PC-2-A':
    'Are the standards turned into concrete, testable guidance for the technologies in use?',
  'G-PC-3-A':
    'Is adherence to policies and standards measured, and are the results acted on?',
  'G-PC-1-B': 'Is it known which regulations and external obligations apply?',
  'G-PC-2-B':
    'Are those obligations mapped to controls that are implemented and evidenced?',
  'G-PC-3-B':
    'Is compliance checked regularly, with gaps tracked until they are closed?',
  'G-EG-1-A':
    'Have the people building this received basic security awareness training?',
  'G-EG-2-A':
    'Is security training tailored to their roles and technologies, and kept current?',
  'G-EG-3-A':
    'Is the training improved using feedback and the security problems actually seen?',
  'G-EG-1-B':
    'Does the team have a named security champion or security contact?',
  'G-EG-2-B':
    'Do champions meet in a community where they share practices and get support?',
  'G-EG-3-B':
    'Do champions shape standards and mentor others beyond their own team?',
  'D-TA-1-A': 'Is the component classified by the business risk it carries?',
  'D-TA-2-A':
    'Is that classification made with an agreed method and kept up to date?',
  'D-TA-3-A':
    'Is the risk profile reviewed on a schedule and after significant changes?',
  'D-TA-1-B':
    'Have the threats to the component been identified, even informally?',
  'D-TA-2-B':
    'Is threat modeling done with a standard method, and its output turned into tracked decisions?',
  'D-TA-3-B':
    'Is the threat model revisited after material changes, and the method itself improved?',
  'D-SR-1-A':
    'Are security requirements written down when features are specified?',
  'D-SR-2-A':
    'Are security requirements derived systematically from risks, standards and obligations?',
  'D-SR-3-A':
    'Are security requirements refined using what testing and incidents revealed?',
  'D-SR-1-B':
    'Is security considered when choosing suppliers and third-party components?',
  'D-SR-2-B':
    'Do supplier agreements and dependency policies state security requirements?',
  'D-SR-3-B':
    'Is supplier security monitored, with consequences when it falls short?',
  'D-SA-1-A':
    'Does the design follow basic security principles such as least privilege and secure defaults?',
  'D-SA-2-A':
    'Does the design reuse vetted security components and reference designs?',
  'D-SA-3-A':
    'Is the architecture built against a reference model and reviewed for conformance?',
  'D-SA-1-B':
    'Is it known which technologies, frameworks and tools the component depends on?',
  'D-SA-2-B':
    'Are those technologies chosen from an approved list with known security properties?',
  'D-SA-3-B':
    'Is the use of approved technologies enforced and the list kept current?',
  'I-SB-1-A': 'Is the build documented and repeatable?',
  'I-SB-2-A':
    'Is the build automated in an isolated pipeline that runs security checks?',
  'I-SB-3-A':
    'Are build artifacts signed with verifiable provenance from a hardened pipeline?',
  'I-SB-1-B': 'Is there an inventory of the third-party dependencies?',
  'I-SB-2-B':
    'Are dependencies checked for known vulnerabilities during the build?',
  'I-SB-3-B':
    'Are dependency risks handled by policy, for example by failing builds on critical issues?',
  'I-SD-1-A': 'Is deployment to production a documented, repeatable process?',
  'I-SD-2-A':
    'Is deployment automated, with security checks and controlled promotion between environments?',
  'I-SD-3-A':
    'Is the integrity of what runs in production verified, and are deviations detected?',
  'I-SD-1-B':
    'Are secrets kept out of source code and plain configuration files?',
  'I-SD-2-B': 'Are secrets held in a dedicated store with controlled access?',
  'I-SD-3-B': 'Are secrets rotated, and is their use monitored?',
  'I-DM-1-A': 'Are security defects recorded in a tracker?',
  'I-DM-2-A':
    'Are security defects triaged by severity, with deadlines to fix them?',
  'I-DM-3-A':
    'Are fix deadlines enforced, with any exception approved and time-limited?',
  'I-DM-1-B': 'Is it known how many security defects are open?',
  'I-DM-2-B':
    'Are defect measures, such as time to fix, reported and reviewed?',
  'I-DM-3-B':
    'Do defect trends feed back into training, requirements and tooling?',
  'V-AA-1-A':
    'Has the architecture been reviewed for security, at least informally?',
  'V-AA-2-A':
    'Is the architecture checked against its security requirements and controls?',
  'V-AA-3-A':
    'Is the architecture review repeated regularly, with its findings fed back?',
  'V-AA-1-B': 'Are the risks found in architecture reviews addressed?',
  'V-AA-2-B': 'Are architecture mitigations tracked until they are closed?',
  'V-AA-3-B':
    'Is the effect of architecture mitigations reviewed and improved?',
  'V-RT-1-A': 'Are the security controls tested to confirm that they work?',
  'V-RT-2-A':
    'Are security tests derived from the requirements and run consistently?',
  'V-RT-3-A':
    'Do requirement-driven security tests run automatically on every change?',
  'V-RT-1-B': 'Is the component tested against misuse and abuse cases?',
  'V-RT-2-B': 'Are the abuse cases derived from the threat model?',
  'V-RT-3-B': 'Are abuse tests automated and part of regression testing?',
  'V-ST-1-A':
    'Do automated security tests, such as SAST or DAST, run against the component?',
  'V-ST-2-A':
    'Are the automated security tests tuned and built into the pipeline?',
  'V-ST-3-A':
    'Do automated security test results gate releases, and are they tracked?',
  'V-ST-1-B':
    'Has manual security testing, such as a penetration test, covered the risky parts?',
  'V-ST-2-B':
    'Is manual security testing planned by risk and part of the delivery cycle?',
  'V-ST-3-B':
    'Is in-depth testing continuous, for example red teaming or a bug bounty?',
  'O-IM-1-A':
    'Would a security incident be noticed, at least through basic monitoring?',
  'O-IM-2-A': 'Is incident detection a defined process with owners?',
  'O-IM-3-A': 'Is detection tuned continuously, with its coverage measured?',
  'O-IM-1-B': 'Is it known who responds to a security incident, and how?',
  'O-IM-2-B':
    'Is there a response plan with containment owners, exercised in drills?',
  'O-IM-3-B':
    'Do lessons from incidents feed back into how the component is built and run?',
  'O-EM-1-A': 'Are the systems configured following hardening guidance?',
  'O-EM-2-A':
    'Are configuration baselines applied consistently and checked automatically?',
  'O-EM-3-A':
    'Are deviations from the baseline detected and resolved, with exceptions time-limited?',
  'O-EM-1-B': 'Are components patched when updates become available?',
  'O-EM-2-B': 'Is patching done on a defined schedule, and tracked?',
  'O-EM-3-B': 'Is the time to patch measured and held to targets?',
  'O-OM-1-A': 'Is it known what sensitive data the component handles?',
  'O-OM-2-A':
    'Are data protection controls such as encryption and retention defined and applied?',
  'O-OM-3-A':
    'Is data protection monitored and its controls reviewed regularly?',
  'O-OM-1-B': 'Are unused services and features identified?',
  'O-OM-2-B':
    'Is there a process to decommission systems and retire legacy parts?',
  'O-OM-3-B': 'Is the legacy estate tracked and reduced on purpose?',
};

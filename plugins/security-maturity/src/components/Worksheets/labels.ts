/** The containment actions of a worksheet, as people say them. */
export const ACTION_LABEL: Record<string, string> = {
  isolate: 'isolate traffic',
  revoke: 'revoke access',
  freeze: 'freeze rollout',
  recover: 'approve recovery',
};

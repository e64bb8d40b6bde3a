import { CompoundEntityRef } from '@backstage/catalog-model';
import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import {
  SecurityMaturityApi,
  SecurityMaturityRecord,
  WorkflowConfig,
} from '@secmat/backstage-plugin-security-maturity-common';
import { createContext, ReactNode, useContext } from 'react';
import useAsync from 'react-use/esm/useAsync';

/** What every section of the Security tab reads and changes. */
export type SecurityTab = {
  record: SecurityMaturityRecord;
  config: WorkflowConfig;
  api: SecurityMaturityApi;
  entityRef: CompoundEntityRef;
  /** Reloads the tab after a change (or to resolve a conflict). */
  onChanged: () => void;
  /** The signed-in user's entity ref, once the identity API answered. */
  userRef?: string;
};

const SecurityTabContext = createContext<SecurityTab | undefined>(undefined);

/**
 * Gives the sections of the tab its record and API, and looks up the
 * signed-in user once for all of them.
 */
export function SecurityTabProvider(
  props: Omit<SecurityTab, 'userRef'> & { children: ReactNode },
) {
  const { children, ...tab } = props;
  const identityApi = useApi(identityApiRef);
  const { value: userRef } = useAsync(
    async () => (await identityApi.getBackstageIdentity()).userEntityRef,
    [identityApi],
  );
  return (
    <SecurityTabContext.Provider value={{ ...tab, userRef }}>
      {children}
    </SecurityTabContext.Provider>
  );
}

/** The record, config, API and reload of the Security tab a section is in. */
export function useSecurityTab(): SecurityTab {
  const tab = useContext(SecurityTabContext);
  if (!tab) {
    throw new Error('useSecurityTab must be used inside a SecurityTabProvider');
  }
  return tab;
}

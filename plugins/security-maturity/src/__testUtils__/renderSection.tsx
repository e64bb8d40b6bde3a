import { identityApiRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import {
  SecurityMaturityApi,
  SecurityMaturityRecord,
} from '@secmat/backstage-plugin-security-maturity-common';
import { within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReactElement } from 'react';
import { SecurityTabProvider } from '../hooks/useSecurityTab';
import { emptyRecord, mockApi, workflow } from './records';

/** The demo component, as the API methods receive it. */
export const entityRef = {
  kind: 'Component',
  namespace: 'default',
  name: 'payments-api',
};

/**
 * One section of the Security tab on its own, in the context the tab gives
 * it. `onChanged` stands in for the tab's reload, so a test sees it called.
 */
export async function renderSection(
  section: ReactElement,
  options: {
    record?: SecurityMaturityRecord;
    api?: Partial<SecurityMaturityApi>;
    /** The signed-in user. */
    userRef?: string;
  } = {},
) {
  const record = options.record ?? emptyRecord;
  const api = mockApi(async () => record, options.api);
  const tab = {
    record,
    config: workflow,
    api,
    entityRef,
    onChanged: jest.fn(),
  };
  const identity = mockApis.identity({
    userEntityRef: options.userRef ?? 'user:default/guest',
  });
  await renderInTestApp(
    <TestApiProvider apis={[[identityApiRef, identity]]}>
      <SecurityTabProvider {...tab}>{section}</SecurityTabProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
  return { api, onChanged: tab.onChanged };
}

/**
 * A 409 is shown with who changed the record, and its Reload reloads the tab;
 * `scope` is where it shows, e.g. the dialog that stays open.
 */
export async function expectConflictWithReload(
  changedBy: RegExp,
  onChanged: jest.Mock,
  scope: HTMLElement = document.body,
) {
  const where = within(scope);
  expect(await where.findByText(changedBy)).toBeInTheDocument();
  expect(onChanged).not.toHaveBeenCalled();
  await userEvent.click(where.getByRole('button', { name: 'Reload' }));
  expect(onChanged).toHaveBeenCalledTimes(1);
}

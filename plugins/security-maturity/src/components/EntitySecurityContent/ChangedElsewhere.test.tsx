import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { SignalApi, signalApiRef } from '@backstage/plugin-signals-react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { securityMaturityApiRef } from '../../api';
import { editableRecord, entity, mockApi } from '../../__testUtils__/records';
import { EntitySecurityContent } from './EntitySecurityContent';

/** A signals API whose messages the test sends. */
function fakeSignals() {
  type Message = Parameters<SignalApi['subscribe']>[1] extends (
    m: infer M,
  ) => void
    ? M
    : never;
  const listeners = new Map<string, (message: Message) => void>();
  const api: SignalApi = {
    subscribe: (channel, onMessage) => {
      listeners.set(channel, onMessage as (message: Message) => void);
      return { unsubscribe: () => void listeners.delete(channel) };
    },
  };
  return {
    api,
    send: (channel: string, message: Message) =>
      act(() => listeners.get(channel)?.(message)),
    channels: () => [...listeners.keys()],
  };
}

const channel = 'security-maturity:entity:component:default/payments-api';

describe('changes made elsewhere', () => {
  it('offers a reload when someone else changes the records while the tab is open', async () => {
    const api = mockApi(async () => editableRecord());
    const signals = fakeSignals();
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [securityMaturityApiRef, api],
          [signalApiRef, signals.api],
        ]}
      >
        <EntityProvider entity={entity}>
          <EntitySecurityContent />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
    );
    await screen.findByText('Stage gates');
    expect(signals.channels()).toEqual([channel]);

    // The signed-in person's own change: nothing to offer.
    await signals.send(channel, {
      entityRef: 'component:default/payments-api',
      actor: 'user:default/guest',
      at: '2026-12-02T10:00:00.000Z',
    });
    expect(screen.queryByRole('status')).toBeNull();

    await signals.send(channel, {
      entityRef: 'component:default/payments-api',
      actor: 'user:default/priya.nair',
      at: '2026-12-02T10:01:00.000Z',
    });
    expect(await screen.findByRole('status')).toHaveTextContent(
      'priya.nair changed these records just now',
    );
    expect(api.getEntityRecord).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(api.getEntityRecord).toHaveBeenCalledTimes(2));
    expect(screen.queryByRole('status')).toBeNull();
  });
});

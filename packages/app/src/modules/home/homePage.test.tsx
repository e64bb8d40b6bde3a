import { renderTestApp } from '@backstage/frontend-test-utils';
import homePlugin from '@backstage/plugin-home/alpha';
import { securityMaturityApiRef } from '@secmat/backstage-plugin-security-maturity';
import securityMaturityPlugin from '@secmat/backstage-plugin-security-maturity/alpha';
import { screen } from '@testing-library/react';
import { homeModule } from './homeModule';

jest.setTimeout(60_000);

type SecurityMaturityApi = typeof securityMaturityApiRef.T;
type SecurityTasks = Awaited<
  ReturnType<SecurityMaturityApi['getSecurityTasks']>
>;

const nothingOwed: SecurityTasks = {
  userEntityRef: 'user:default/mei.chen',
  isSecurityLead: false,
  expiringWithinDays: 30,
  generatedAt: '2026-11-20T09:30:00.000Z',
  lists: {
    approvals: { items: [], totalCount: 0 },
    signoffs: { items: [], totalCount: 0 },
    expiring: { items: [], totalCount: 0 },
    containment: { items: [], totalCount: 0 },
    components: { items: [], totalCount: 0 },
  },
};

// The home page grid lays its widgets out only once it knows its width,
// which jsdom never computes: give every element a desktop width.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', {
    configurable: true,
    get: () => 1200,
  });
});
afterAll(() => {
  delete (HTMLElement.prototype as { offsetWidth?: number }).offsetWidth;
});

describe('the home page', () => {
  it('shows My security tasks first, where the demo config places it', async () => {
    const api: Partial<SecurityMaturityApi> = {
      getSecurityTasks: async () => nothingOwed,
    };
    renderTestApp({
      features: [homePlugin, securityMaturityPlugin, homeModule],
      apis: [[securityMaturityApiRef, api as SecurityMaturityApi]],
      config: {
        app: {
          // As app-config.yaml has it.
          extensions: [
            {
              'page:home': {
                config: {
                  defaultConfig: [
                    { component: 'MySecurityTasks', column: 0, row: 0, width: 6, height: 8 },
                    { component: 'GettingStarted', column: 6, row: 0, width: 6, height: 8 },
                  ],
                },
              },
            },
          ],
        },
      },
      initialRouteEntries: ['/home'],
    }); // prettier-ignore
    expect(
      await screen.findByText(
        /^Nothing is waiting for you: no exception to approve/,
        {},
        { timeout: 20_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Getting Started')).toBeInTheDocument();
  });
});

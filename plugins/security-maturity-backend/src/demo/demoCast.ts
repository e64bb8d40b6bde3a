import { DemoSession } from './DemoSession';

/** The demo story spans this many days, ending yesterday. */
export const DEMO_DAYS = 365;

/** One thing someone did on a day of the demo year. */
export type DemoStep = {
  /** 0 is a year ago; DEMO_DAYS - 1 is yesterday. */
  day: number;
  component: string;
  /** Who did it: a user of the demo organisation. */
  as: string;
  act: (session: DemoSession, now: Date) => Promise<void>;
};

export const user = (name: string) => `user:default/${name}`;
/** The security lead who approves and signs off where nobody else may. */
export const LEAD = user('priya.nair');

export type Team = { group: string; people: [string, string] };
/** The demo organisation's teams and the two people of each. */
const team = (name: string, a: string, b: string): Team => ({
  group: `group:default/${name}-team`,
  people: [user(a), user(b)],
});
export const teams: Record<string, Team> = {
  payments: team('payments', 'sam.okafor', 'alex.rivera'),
  identity: team('identity', 'mei.chen', 'jonas.berg'),
  storefront: team('storefront', 'diego.santos', 'lena.kowalski'),
  platform: team('platform', 'fatima.haddad', 'fatima.haddad'),
};

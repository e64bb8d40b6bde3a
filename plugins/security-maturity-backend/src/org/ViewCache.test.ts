import { ViewCache } from './ViewCache';

function setUp() {
  let version = 1;
  let now = 0;
  const cache = new ViewCache<string>({
    version: async () => version,
    ttlMs: 60_000,
    maxEntries: 2,
    now: () => now,
  });
  let computed = 0;
  const compute =
    (value = 'a') =>
    async () => {
      computed++;
      return `${value}${computed}`;
    };
  return {
    cache,
    compute,
    computed: () => computed,
    change: () => version++,
    wait: (ms: number) => (now += ms),
  };
}

describe('ViewCache', () => {
  const org = {};

  it('serves a view until the next change, the next org structure or the time limit', async () => {
    const { cache, compute, change, wait } = setUp();
    expect(await cache.get('k', org, compute())).toBe('a1');
    expect(await cache.get('k', org, compute())).toBe('a1');
    change();
    expect(await cache.get('k', org, compute())).toBe('a2');
    expect(await cache.get('k', {}, compute())).toBe('a3');
    const current = {};
    await cache.get('k', current, compute());
    wait(59_999);
    expect(await cache.get('k', current, compute())).toBe('a4');
    wait(1);
    expect(await cache.get('k', current, compute())).toBe('a5');
  });

  it('computes a view once for concurrent requests, and does not keep a failure', async () => {
    const { cache, compute, computed } = setUp();
    const [a, b] = await Promise.all([
      cache.get('k', org, compute()),
      cache.get('k', org, compute()),
    ]);
    expect([a, b, computed()]).toEqual(['a1', 'a1', 1]);
    await expect(
      cache.get('f', org, async () => {
        throw new Error('database down');
      }),
    ).rejects.toThrow('database down');
    expect(await cache.get('f', org, compute('f'))).toBe('f2');
  });

  it('keeps the most recently used views within its size', async () => {
    const { cache, compute } = setUp();
    await cache.get('x', org, compute('x'));
    await cache.get('y', org, compute('y'));
    await cache.get('x', org, compute('x')); // x is now the most recent
    await cache.get('z', org, compute('z')); // y goes
    expect(await cache.get('x', org, compute('x'))).toBe('x1');
    expect(await cache.get('y', org, compute('y'))).toBe('y4');
  });
});

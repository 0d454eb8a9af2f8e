/**
 * The world every scenario (tests/scenarios/) runs in, set up once for the file: a stand-in for
 * huggingface.co and arxiv.org serving what the scenario says, the built extension in the browser
 * under test (driver.ts), and, after each test, no errors logged by Papertab.
 *
 *     const { hf, driver } = scenarioWorld({ serve: (hf) => hf.setDay(DAY, items), badge: '4' });
 *
 * `hf` and `driver` can be named at the top of the file although they start in `beforeAll`: each
 * stands for the one started, and using either before it has started (outside a test) throws.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startStandIn, type StandIn } from './standin';
import { launchDriver, waitForBadge, type Driver, type DriverOptions } from './driver';

export interface ScenarioWorldOptions extends Omit<DriverOptions, 'port'> {
  /** What the stand-in serves before the browser starts (the days the install fetches, …). */
  serve?: (hf: StandIn) => void | Promise<void>;
  /** The badge the install's first refresh sets, waited for before the first test. */
  badge?: string;
}

export interface ScenarioWorld {
  hf: StandIn;
  driver: Driver;
}

/** Stands for the object `get` returns once it exists: properties and methods reach it. */
function startedLater<T extends object>(what: string, get: () => T | undefined): T {
  return new Proxy({} as T, {
    get(_target, key) {
      const real = get();
      if (!real) throw new Error(`${what} has not started: use it inside a test or hook`);
      const value: unknown = Reflect.get(real, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(real) : value;
    },
  });
}

export function scenarioWorld(opts: ScenarioWorldOptions = {}): ScenarioWorld {
  const { serve, badge, ...driverOptions } = opts;
  let hf: StandIn | undefined;
  let driver: Driver | undefined;

  beforeAll(async () => {
    hf = await startStandIn();
    await serve?.(hf);
    driver = await launchDriver({ ...driverOptions, port: hf.port });
    if (badge !== undefined) await waitForBadge(driver, badge);
  });
  afterAll(async () => {
    await driver?.close();
    await hf?.close();
  });

  // Any uncaught error or console.error from Papertab's code fails the test it happened in.
  let reported = 0;
  afterEach(() => {
    const errors = driver?.errors().slice(reported) ?? [];
    reported += errors.length;
    expect(errors, 'errors logged by Papertab').toEqual([]);
  });

  return {
    hf: startedLater('the stand-in', () => hf),
    driver: startedLater('the browser', () => driver),
  };
}

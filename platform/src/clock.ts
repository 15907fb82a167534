import { HubClock } from '@hub/vocabulary';
import { hubConfig, isProductionConfig } from './config.ts';

let processClock: HubClock | undefined;

/**
 * This process's clock, built once from configuration: the real date, and in production
 * (`HUB_ENV=production`) a date nobody can set. The all-in-one hub makes one and hands it to the
 * gateway and every subgraph; a subgraph started alone uses this one.
 */
export function hubClockFromConfig(): HubClock {
  processClock ??= new HubClock({ production: isProductionConfig(hubConfig()) });
  return processClock;
}

/**
 * Keeps a service running until SIGINT/SIGTERM, then lets `close` finish in-flight work before exiting.
 * The handlers stay: a second signal while closing is ignored rather than killing the process.
 */
export function runUntilSignal(close: () => Promise<void>) {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`${signal}: finishing in-flight requests…`);
    await close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

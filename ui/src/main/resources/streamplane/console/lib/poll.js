// Refreshing a view every few seconds while it is shown, one request at a time.

/**
 * Calls load() now and then every intervalMs after the previous call finished, until the returned
 * function is called. Errors go to onError and do not stop the refresh.
 */
export function every(intervalMs, load, onError) {
  let stopped = false;
  let timer = null;
  async function tick() {
    try {
      await load();
    } catch (error) {
      if (!stopped && onError) {
        onError(error);
      }
    }
    if (!stopped) {
      timer = setTimeout(tick, intervalMs);
    }
  }
  tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

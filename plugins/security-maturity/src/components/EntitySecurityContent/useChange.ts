import { useState } from 'react';

/**
 * Runs one change against the backend: busy while it runs, the error kept to
 * show (a 409 is shown, never retried), and the tab reloaded on success.
 */
export function useChange(onChanged: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const run = async (change: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await change();
      onChanged();
      return true;
    } catch (e) {
      setError(e as Error);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

import useAsyncFn from 'react-use/esm/useAsyncFn';

/**
 * Runs a change against the backend: `busy` while it runs, `error` kept to
 * show (a 409 is shown to the reader, never retried), and `onChanged` called
 * after it succeeded, typically to reload what the change touched.
 *
 * `run` resolves to whether the change was saved, so a caller can close its
 * dialog or clear its field only then.
 */
export function useMutation(onChanged?: () => void) {
  const [state, call] = useAsyncFn(
    async (change: () => Promise<unknown>) => {
      await change();
      onChanged?.();
      return true as const;
    },
    [onChanged],
  );
  // useAsyncFn resolves to the error instead of rejecting.
  const run = async (change: () => Promise<unknown>) =>
    (await call(change)) === true;
  return { busy: state.loading, error: state.error, run };
}

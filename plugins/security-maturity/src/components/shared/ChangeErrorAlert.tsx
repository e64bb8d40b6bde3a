import Button from '@material-ui/core/Button';
import { Alert } from '@material-ui/lab';

/**
 * The error the backend reported. The client throws a `ResponseError` whose
 * own message is only "Request failed with 409 Conflict"; the backend's error
 * (its name, and a message such as who changed the record) is its `cause`.
 */
export function serverError(error: Error): { name: string; message: string } {
  const cause = (error as { cause?: unknown }).cause;
  if (
    cause instanceof Error ||
    (cause && typeof cause === 'object' && 'name' in cause)
  ) {
    const { name, message } = cause as Error;
    return { name, message: message || error.message };
  }
  return error;
}

/**
 * Shows why a change was not saved. A 409 means someone else changed the
 * record since it was loaded: nothing is overwritten, and the reader reloads.
 */
export function ChangeErrorAlert(props: {
  error: Error;
  onReload: () => void;
}) {
  const { name, message } = serverError(props.error);
  const conflict = name === 'ConflictError';
  return (
    <Alert
      severity={conflict ? 'warning' : 'error'}
      action={
        conflict ? (
          <Button color="inherit" size="small" onClick={props.onReload}>
            Reload
          </Button>
        ) : undefined
      }
    >
      Not saved: {message}
    </Alert>
  );
}

import Button from '@material-ui/core/Button';
import { Alert } from '@material-ui/lab';

/**
 * Shows why a change was not saved. A 409 means someone else changed the
 * record since it was loaded: nothing is overwritten, and the reader reloads.
 */
export function ChangeErrorAlert(props: {
  error: Error;
  onReload: () => void;
}) {
  const conflict =
    (props.error as { response?: { status?: number } }).response?.status ===
      409 || props.error.name === 'ConflictError';
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
      {conflict
        ? `Not saved: ${props.error.message.replace(/^.*?: /, '')}`
        : `Not saved: ${props.error.message}`}
    </Alert>
  );
}

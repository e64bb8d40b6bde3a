import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import { serverError } from './serverError';

/**
 * Shows why a change was not saved, or nothing while there is no error. A 409
 * means someone else changed the record since it was loaded: nothing is
 * overwritten, and the reader reloads.
 */
export function ChangeErrorAlert(props: {
  error?: Error;
  onReload: () => void;
}) {
  if (!props.error) return null;
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

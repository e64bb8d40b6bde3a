import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import { FormEvent, ReactNode } from 'react';
import { ChangeErrorAlert } from './ChangeErrorAlert';

/**
 * A dialog around one form. It stays open when the change fails and shows
 * why, right above its buttons, since the card behind it is covered.
 */
export function FormDialog(props: {
  /** Names the dialog through its title, `${id}-title`. */
  id: string;
  title: ReactNode;
  submitLabel: string;
  /** False while the form is being sent, or cannot be sent as it stands. */
  canSubmit: boolean;
  error?: Error;
  onReload: () => void;
  onClose: () => void;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (props.canSubmit) props.onSubmit();
  };
  return (
    <Dialog
      open
      onClose={props.onClose}
      fullWidth
      maxWidth="sm"
      aria-labelledby={`${props.id}-title`}
    >
      <form onSubmit={submit}>
        <DialogTitle id={`${props.id}-title`}>{props.title}</DialogTitle>
        <DialogContent>
          {props.children}
          <ChangeErrorAlert error={props.error} onReload={props.onReload} />
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={!props.canSubmit}
          >
            {props.submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

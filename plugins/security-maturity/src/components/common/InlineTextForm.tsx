import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import { CSSProperties, ReactNode, useState } from 'react';

const ROW: CSSProperties = { display: 'flex', gap: 8, marginTop: 8 };

/**
 * A one-line form: a text field and the button that sends its trimmed text.
 * The field empties once the change is saved and keeps the text otherwise,
 * so nothing typed is lost to a failed save.
 */
export function InlineTextForm(props: {
  id: string;
  label: string;
  submitLabel: string;
  busy: boolean;
  maxLength?: number;
  /** Resolves to whether the text was saved. */
  onSubmit: (text: string) => Promise<boolean>;
  /** Fields before the text field and between it and the button. */
  before?: ReactNode;
  after?: ReactNode;
  /** `{ display: 'contents' }` lays the form out in its parent's row. */
  style?: CSSProperties;
}) {
  const [text, setText] = useState('');
  const trimmed = text.trim();
  return (
    <form
      style={props.style ?? ROW}
      onSubmit={async e => {
        e.preventDefault();
        if (trimmed && (await props.onSubmit(trimmed))) setText('');
      }}
    >
      {props.before}
      <TextField
        id={props.id}
        size="small"
        label={props.label}
        value={text}
        onChange={e => setText(e.target.value)}
        inputProps={
          props.maxLength ? { maxLength: props.maxLength } : undefined
        }
      />
      {props.after}
      <Button
        type="submit"
        size="small"
        variant="outlined"
        disabled={props.busy || !trimmed}
      >
        {props.submitLabel}
      </Button>
    </form>
  );
}

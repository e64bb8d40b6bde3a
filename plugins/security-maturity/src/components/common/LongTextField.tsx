import TextField from '@material-ui/core/TextField';

/**
 * A free-text answer of a form dialog over a few lines, cut at the length
 * the backend accepts.
 */
export function LongTextField(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  required?: boolean;
  helperText?: string;
}) {
  return (
    <TextField
      fullWidth
      multiline
      minRows={2}
      margin="dense"
      required={props.required}
      id={props.id}
      label={props.label}
      helperText={props.helperText}
      value={props.value}
      inputProps={{ maxLength: props.maxLength }}
      onChange={e => props.onChange(e.target.value)}
    />
  );
}

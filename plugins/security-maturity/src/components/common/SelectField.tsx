import FormControl from '@material-ui/core/FormControl';
import FormHelperText from '@material-ui/core/FormHelperText';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import { CSSProperties, ReactNode } from 'react';

/**
 * A small labelled select. The label is tied to it by `${id}-label`, so tests
 * and screen readers find the select by its label.
 */
export function SelectField<T extends string | number>(props: {
  id: string;
  label: ReactNode;
  value: T | '';
  options: ReadonlyArray<{ value: T; label: ReactNode }>;
  onChange: (value: T) => void;
  /** A first option with the value '', e.g. "All". */
  emptyLabel?: string;
  variant?: 'standard' | 'outlined';
  fullWidth?: boolean;
  /** In a form dialog: spaced like its text fields, with a hint below. */
  margin?: 'dense';
  required?: boolean;
  helperText?: ReactNode;
  style?: CSSProperties;
}) {
  const { id, label, value, options, onChange, emptyLabel } = props;
  return (
    <FormControl
      size="small"
      variant={props.variant}
      fullWidth={props.fullWidth}
      margin={props.margin}
      required={props.required}
      style={props.style}
    >
      <InputLabel id={`${id}-label`}>{label}</InputLabel>
      <Select
        labelId={`${id}-label`}
        id={id}
        label={props.variant === 'outlined' ? label : undefined}
        value={value}
        onChange={e => onChange(e.target.value as T)}
      >
        {emptyLabel !== undefined && (
          <MenuItem value="">
            <em>{emptyLabel}</em>
          </MenuItem>
        )}
        {options.map(o => (
          <MenuItem key={o.value} value={o.value}>
            {o.label}
          </MenuItem>
        ))}
      </Select>
      {props.helperText && <FormHelperText>{props.helperText}</FormHelperText>}
    </FormControl>
  );
}

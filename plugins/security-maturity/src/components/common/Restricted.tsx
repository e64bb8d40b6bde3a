import Typography from '@material-ui/core/Typography';

/**
 * Who reads the confidential contents of exceptions and worksheets, as the
 * Security tab says it wherever the backend left them out.
 */
export const RESTRICTED_TEXT =
  'Restricted to the owners, the people named in RASI and security leads';

/** The note shown in place of contents the backend redacted for the reader. */
export function Restricted(props: { what: string }) {
  return (
    <Typography
      variant="body2"
      color="textSecondary"
      component="span"
      data-testid="restricted"
    >
      <em>
        {props.what}: {RESTRICTED_TEXT.toLocaleLowerCase('en-US')}
      </em>
    </Typography>
  );
}

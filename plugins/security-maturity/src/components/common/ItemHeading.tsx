import Box from '@material-ui/core/Box';
import Chip, { ChipProps } from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';

/**
 * The first line of a stage, worksheet or release: its name as a heading, its
 * status as a chip, then who did what or an action.
 */
export function ItemHeading(props: {
  title: ReactNode;
  status: string;
  statusColor?: ChipProps['color'];
  children?: ReactNode;
}) {
  return (
    <Box display="flex" alignItems="center" style={{ gap: 8 }}>
      <Typography variant="subtitle1" component="h3">
        {props.title}
      </Typography>
      <Chip size="small" color={props.statusColor} label={props.status} />
      {props.children}
    </Box>
  );
}

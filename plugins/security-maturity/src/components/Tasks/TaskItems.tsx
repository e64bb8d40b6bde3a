import { Link } from '@backstage/core-components';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { useSecurityTabLink } from '../OrgPage/useSecurityTabLink';
import { TaskView } from './taskViews';

/**
 * Tasks as links into the entity's Security tab, each to the record where
 * the task is done (the exception, the stage, the worksheet, the intake).
 */
export function TaskItems(props: { views: TaskView[]; label: string }) {
  const tabLink = useSecurityTabLink();
  return (
    <List dense disablePadding aria-label={props.label}>
      {props.views.map(v => (
        <ListItem key={v.key} disableGutters divider>
          <ListItemText
            primary={
              <Link to={`${tabLink(v.entityRef)}#${v.anchor}`}>{v.title}</Link>
            }
            secondary={
              <Typography
                variant="body2"
                component="span"
                color={v.overdue ? 'error' : 'textSecondary'}
              >
                {v.detail}
              </Typography>
            }
          />
        </ListItem>
      ))}
    </List>
  );
}

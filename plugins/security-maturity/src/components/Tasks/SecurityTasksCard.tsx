import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { SECURITY_TASK_LISTS } from '@secmat/backstage-plugin-security-maturity-common';
import { useSecurityTasks } from '../../hooks/useSecurityTasks';
import { tasksRouteRef } from '../../routes';
import { serverError } from '../common';
import { TaskItems } from './TaskItems';
import { taskListAnchor } from './TaskListCard';
import { LIST_TEXT, viewsOf } from './taskViews';

/** The first tasks of each list the card shows; the page shows the rest. */
const CARD_ITEMS = 2;

/**
 * The tasks page, if the app has it: a portal may add the home card without
 * the page, and the card then shows its tasks without the links to it.
 */
function useTasksPageLink(): (() => string) | undefined {
  try {
    return useRouteRef(tasksRouteRef);
  } catch {
    return undefined;
  }
}

/**
 * The home page card of "My security tasks": how many tasks each list holds
 * and the first of them, each linked to the record in the Security tab.
 */
export function SecurityTasksCardContent() {
  const { value, loading, error } = useSecurityTasks(CARD_ITEMS);
  const page = useTasksPageLink();

  if (error) {
    const { name, message } = serverError(error);
    return name === 'NotAllowedError' ? (
      <Alert severity="info">{message}</Alert>
    ) : (
      <ResponseErrorPanel error={error} title="Could not load your tasks" />
    );
  }
  if (loading || !value) return <Progress />;
  const open = SECURITY_TASK_LISTS.filter(l => value.lists[l].totalCount > 0);
  if (open.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        Nothing is waiting for you: no exception to approve, no gate to sign
        off, no exception of your components expiring within{' '}
        {value.expiringWithinDays} days, no containment to own, and every
        component you own is classified and at its target.
      </Typography>
    );
  }
  return (
    <>
      {open.map(list => {
        const { totalCount, items } = value.lists[list];
        const heading = LIST_TEXT[list].noun(totalCount);
        return (
          <Box key={list} mb={2}>
            <Typography variant="subtitle2">
              {page ? (
                <Link to={`${page()}#${taskListAnchor(list)}`}>{heading}</Link>
              ) : (
                heading
              )}
            </Typography>
            <TaskItems
              label={LIST_TEXT[list].title}
              views={viewsOf(list, items, value.userEntityRef)}
            />
          </Box>
        );
      })}
      {page && <Link to={page()}>All my security tasks</Link>}
    </>
  );
}

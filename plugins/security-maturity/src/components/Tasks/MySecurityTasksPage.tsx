import {
  Content,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { SECURITY_TASK_LISTS } from '@secmat/backstage-plugin-security-maturity-common';
import { useSecurityTasks } from '../../hooks/useSecurityTasks';
import { serverError } from '../common';
import { TaskListCard } from './TaskListCard';

/** Tasks per page of each list. */
const PAGE_SIZE = 10;

function Body() {
  const { value, loading, error, retry } = useSecurityTasks(PAGE_SIZE);
  if (error) {
    const { name, message } = serverError(error);
    if (name === 'NotAllowedError') {
      // Services and guests without a user entity have no tasks of their own.
      return (
        <Alert severity="info">
          This page lists the tasks of a signed-in person. {message}
        </Alert>
      );
    }
    return (
      <>
        <ResponseErrorPanel error={error} title="Could not load your tasks" />
        <Button variant="outlined" onClick={retry}>
          Try again
        </Button>
      </>
    );
  }
  if (loading || !value) return <Progress />;
  const total = SECURITY_TASK_LISTS.reduce(
    (sum, list) => sum + value.lists[list].totalCount,
    0,
  );
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <Typography variant="h6" component="p">
          {total === 0
            ? 'Nothing is waiting for you.'
            : `${total} ${
                total === 1 ? 'task is' : 'tasks are'
              } waiting for you.`}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          Each task links to the record in the component's Security tab where it
          is done. Tasks leave the list once done.
        </Typography>
      </Grid>
      {SECURITY_TASK_LISTS.map(list => (
        <Grid item xs={12} lg={6} key={list}>
          <TaskListCard list={list} tasks={value} pageSize={PAGE_SIZE} />
        </Grid>
      ))}
    </Grid>
  );
}

/**
 * "My security tasks": what the signed-in person owes, list by list: the
 * exception requests waiting for a lead, the gates waiting for their
 * sign-off, their components' expiring exceptions, the containment they
 * own, and their components to classify or raise to target.
 */
export function MySecurityTasksPage() {
  return (
    <Page themeId="tool">
      <Header
        title="My security tasks"
        subtitle="Approvals, sign-offs, expiring exceptions, containment and components waiting for you"
      />
      <Content>
        <Body />
      </Content>
    </Page>
  );
}

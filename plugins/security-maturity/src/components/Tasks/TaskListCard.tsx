import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import LinearProgress from '@material-ui/core/LinearProgress';
import TablePagination from '@material-ui/core/TablePagination';
import Typography from '@material-ui/core/Typography';
import {
  SecurityTaskList,
  SecurityTasks,
} from '@secmat/backstage-plugin-security-maturity-common';
import { useState } from 'react';
import { useSecurityTaskPage } from '../../hooks/useSecurityTasks';
import { TaskItems } from './TaskItems';
import { LIST_TEXT, viewsOf } from './taskViews';

/** The anchor of a list on the tasks page, for links from the home card. */
export const taskListAnchor = (list: SecurityTaskList) =>
  `security-tasks-${list}`;

/**
 * One list of the tasks page: its count, its first page (read with every
 * list's first page) and the later pages, each read from the server.
 */
export function TaskListCard<L extends SecurityTaskList>(props: {
  list: L;
  tasks: SecurityTasks;
  pageSize: number;
}) {
  const { list, tasks, pageSize } = props;
  const text = LIST_TEXT[list];
  const first = tasks.lists[list];
  const [page, setPage] = useState(0);
  const later = useSecurityTaskPage(list, pageSize, page * pageSize);
  const shown = page === 0 ? first : later.value;
  const total = shown?.totalCount ?? first.totalCount;

  return (
    <div id={taskListAnchor(list)}>
      <InfoCard
        title={
          <>
            {text.title}{' '}
            <Chip
              size="small"
              color={total > 0 ? 'secondary' : 'default'}
              label={total}
              aria-label={`${text.title}: ${total}`}
            />
          </>
        }
        subheader={text.subheader(tasks)}
      >
        {later.error && <ResponseErrorPanel error={later.error} />}
        {later.loading && <LinearProgress />}
        {total === 0 ? (
          <Typography variant="body2" color="textSecondary">
            {text.empty(tasks)}
          </Typography>
        ) : (
          shown && (
            <TaskItems
              label={text.title}
              views={viewsOf(list, shown.items, tasks.userEntityRef)}
            />
          )
        )}
        {total > pageSize && (
          <TablePagination
            component="div"
            count={total}
            page={page}
            rowsPerPage={pageSize}
            rowsPerPageOptions={[]}
            onPageChange={(_, p) => setPage(p)}
          />
        )}
      </InfoCard>
    </div>
  );
}

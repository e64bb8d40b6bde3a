import { InfoCard } from '@backstage/core-components';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import WarningIcon from '@material-ui/icons/Warning';
import { RasiActivityDefinition } from '@secmat/backstage-plugin-security-maturity-common';
import { useState } from 'react';
import { useSecurityTab } from '../../hooks/useSecurityTab';
import { RasiEditDialog } from './RasiEditDialog';

/**
 * Who is Responsible, Accountable, Supportive and Informed for each security
 * activity, as links to their catalog pages; an activity without an
 * Accountable is flagged. Owners and security leads edit a row in place.
 */
export function RasiCard() {
  const { record, config } = useSecurityTab();
  const [editing, setEditing] = useState<RasiActivityDefinition>();
  const byActivity = new Map(record.rasi.map(a => [a.activityId, a]));
  const missing = config.rasiActivities.filter(
    a => !byActivity.has(a.id),
  ).length;

  return (
    <InfoCard
      title="RASI ownership"
      subheader={
        missing
          ? `${missing} of ${config.rasiActivities.length} activities have no Accountable`
          : 'Every activity has an Accountable'
      }
    >
      <Table size="small" aria-label="RASI matrix">
        <TableHead>
          <TableRow>
            <TableCell>Activity</TableCell>
            <TableCell>Responsible</TableCell>
            <TableCell>Accountable</TableCell>
            <TableCell>Supportive</TableCell>
            <TableCell>Informed</TableCell>
            {record.permissions.canEdit && <TableCell />}
          </TableRow>
        </TableHead>
        <TableBody>
          {config.rasiActivities.map(activity => {
            const a = byActivity.get(activity.id);
            return (
              <TableRow key={activity.id}>
                <TableCell>{activity.title}</TableCell>
                <TableCell>
                  {a && <EntityRefLinks entityRefs={a.responsible} />}
                </TableCell>
                <TableCell>
                  {a ? (
                    <EntityRefLinks entityRefs={[a.accountable]} />
                  ) : (
                    <Tooltip title="No Accountable: nobody answers for this activity">
                      <WarningIcon
                        color="error"
                        fontSize="small"
                        aria-label={`No Accountable for ${activity.title}`}
                      />
                    </Tooltip>
                  )}
                </TableCell>
                <TableCell>
                  {a && <EntityRefLinks entityRefs={a.supportive} />}
                </TableCell>
                <TableCell>
                  {a && <EntityRefLinks entityRefs={a.informed} />}
                </TableCell>
                {record.permissions.canEdit && (
                  <TableCell>
                    <Button
                      size="small"
                      aria-label={`Edit RASI for ${activity.title}`}
                      onClick={() => setEditing(activity)}
                    >
                      Edit
                    </Button>
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {editing && (
        <RasiEditDialog
          activity={editing}
          current={byActivity.get(editing.id)}
          onClose={() => setEditing(undefined)}
        />
      )}
    </InfoCard>
  );
}

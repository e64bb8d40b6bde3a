import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Tooltip from '@material-ui/core/Tooltip';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import FlagIcon from '@material-ui/icons/Flag';
import { EntityCampaign } from '@secmat/backstage-plugin-security-maturity-common';
import useAsync from 'react-use/esm/useAsync';
import { useSecurityTab } from '../../hooks/useSecurityTab';
import { daysUntil } from '../common';

/** What a campaign asks of this component, and by when. */
export function campaignChipLabel(c: EntityCampaign): string {
  if (c.meets) return `${c.title}: ${c.goalText} \u2013 met`;
  const left = daysUntil(`${c.targetDay}T23:59:59Z`);
  const when = left < 0 ? `was due ${c.targetDay}` : `by ${c.targetDay}`;
  return `${c.title}: ${c.goalText} ${when}`;
}

/**
 * A chip per active campaign that covers this component, saying what it
 * asks and by when (or that the component meets it). Reloaded with the
 * score, so a change that meets the goal shows at once. Nothing when no
 * campaign covers the component.
 */
export function CampaignChips(props: { scoreVersion?: string }) {
  const { api, entityRef } = useSecurityTab();
  const { value } = useAsync(
    async () => api.getEntityCampaigns(entityRef),
    [api, entityRef.kind, entityRef.namespace, entityRef.name, props.scoreVersion],
  );
  if (!value || value.items.length === 0) return null;
  return (
    <Grid item xs={12} id="security-campaigns">
      <Box display="flex" flexWrap="wrap" style={{ gap: 8 }} aria-label="Campaigns">
        {value.items.map(c => (
          <Tooltip
            key={c.id}
            title={`A campaign run by ${c.ownerRef}: every component in its scope should meet ${c.goalText} by ${c.targetDay}`}
          >
            <Chip
              data-testid="campaign-chip"
              icon={c.meets ? <CheckCircleIcon /> : <FlagIcon />}
              color={c.meets ? 'default' : 'secondary'}
              variant={c.meets ? 'outlined' : 'default'}
              label={campaignChipLabel(c)}
            />
          </Tooltip>
        ))}
      </Box>
    </Grid>
  );
} // prettier-ignore

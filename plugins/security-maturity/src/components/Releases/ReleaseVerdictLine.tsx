import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import WarningIcon from '@material-ui/icons/Warning';
import { ReleaseRecord } from '@secmat/backstage-plugin-security-maturity-common';
import useAsync from 'react-use/esm/useAsync';
import { useSecurityTab } from '../../hooks/useSecurityTab';

/**
 * What the records and the tools' evidence recommend for a pending release,
 * as CI reads it from the verdict route: the person deciding sees the same
 * reasons. Reloaded with the records, so clearing a gate shows at once.
 */
export function ReleaseVerdictLine(props: { release: ReleaseRecord }) {
  const { api, entityRef, record } = useSecurityTab();
  const { id } = props.release;
  const { value, error } = useAsync(
    async () => api.getReleaseVerdict(entityRef, id),
    [api, entityRef.kind, entityRef.namespace, entityRef.name, id, record.version],
  );
  if (error) {
    return (
      <Typography variant="caption" color="textSecondary">
        Verdict not available: {error.message}
      </Typography>
    );
  }
  if (!value) return null;
  if (value.verdict === 'go') {
    return (
      <Box display="flex" alignItems="center" style={{ gap: 4 }} data-testid="release-verdict">
        <CheckCircleIcon fontSize="small" color="primary" />
        <Typography variant="body2">
          Verdict: go. Required gates cleared, no expired exceptions
          {value.policy.evidence.length
            ? `, ${value.policy.evidence.join(', ')} current and passing`
            : ''}
          .
        </Typography>
      </Box>
    );
  }
  return (
    <Box data-testid="release-verdict">
      <Box display="flex" alignItems="center" style={{ gap: 4 }}>
        <WarningIcon fontSize="small" color="error" />
        <Typography variant="body2">
          <strong>No-go recommended</strong> ({value.reasons.length} reason
          {value.reasons.length === 1 ? '' : 's'}):
        </Typography>
      </Box>
      <Box component="ul" m={0} pl={4}>
        {value.reasons.map(r => (
          <Typography component="li" variant="body2" key={`${r.code}-${r.stageId ?? r.exceptionId ?? r.evidence ?? ''}`}>
            {r.message}
            {r.link && (
              <>
                {' '}
                (<Link to={r.link}>result</Link>)
              </>
            )}
          </Typography>
        ))}
      </Box>
    </Box>
  );
} // prettier-ignore

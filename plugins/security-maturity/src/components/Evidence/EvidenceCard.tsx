import { Link } from '@backstage/core-components';
import Chip from '@material-ui/core/Chip';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { EvidenceSignal } from '@secmat/backstage-plugin-security-maturity-common';
import useAsync from 'react-use/esm/useAsync';
import { useSecurityTab } from '../../hooks/useSecurityTab';
import { SectionCard } from '../SectionCard';
import { signalSummary, signalTitle } from './describeSignal';

const day = (iso: string) => iso.slice(0, 10);

function SignalItem(props: { signal: EvidenceSignal; now: number }) {
  const { signal, now } = props;
  const expired = signal.validUntil
    ? Date.parse(signal.validUntil) <= now
    : false;
  return (
    <ListItem disableGutters alignItems="flex-start">
      <ListItemText
        primary={
          <>
            {signalTitle(signal)}{' '}
            {expired && (
              <Chip size="small" label="expired: push a new result" />
            )}
          </>
        }
        secondaryTypographyProps={{ component: 'div' }}
        secondary={
          <>
            <Typography variant="body2" component="div">
              {signalSummary(signal)}
            </Typography>
            <Typography variant="caption" component="div">
              Observed {day(signal.observedAt)}
              {signal.validUntil &&
                ` · ${expired ? 'was valid' : 'valid'} until ${day(
                  signal.validUntil,
                )}`}
              {signal.link && (
                <>
                  {' · '}
                  <Link to={signal.link}>see the tool's result</Link>
                </>
              )}
            </Typography>
          </>
        }
      />
    </ListItem>
  );
}

/**
 * Evidence from tools: what the scanners, Scorecard, SBOM and provenance
 * that CI pushed (or collectors fetched) said about the component, when, and
 * until when it counts. SAMM answers derived from them say so in the score.
 */
export function EvidenceCard() {
  const { api, entityRef, record } = useSecurityTab();
  // Reloaded whenever the record changes (a push raises its version).
  const { value, error } = useAsync(
    () => api.listEntityEvidence(entityRef),
    [api, entityRef, record.version],
  );
  const signals = value?.items ?? [];
  const now = Date.now();
  return (
    <SectionCard
      title="Evidence from tools"
      subheader="Scanners, Scorecard, SBOM and provenance, as CI pushed them"
      count={signals.length}
      alert={
        error && (
          <Typography variant="body2" color="error">
            Could not load the evidence from tools: {error.message}
          </Typography>
        )
      }
      emptyText="No tool has reported on this component yet. A CI pipeline pushes SARIF scan results, an OpenSSF Scorecard, a CycloneDX SBOM or SLSA provenance to POST /api/security-maturity/entities/{kind}/{namespace}/{name}/evidence/{format}; each becomes a dated signal here and answers SAMM activities."
    >
      <List dense disablePadding>
        {signals.map(s => (
          <SignalItem key={`${s.source}/${s.key}`} signal={s} now={now} />
        ))}
      </List>
    </SectionCard>
  );
}

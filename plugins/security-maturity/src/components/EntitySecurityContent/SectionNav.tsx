import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Grid from '@material-ui/core/Grid';
import Paper from '@material-ui/core/Paper';
import { securityTabSectionOf } from '@secmat/backstage-plugin-security-maturity-common';
import { useEffect } from 'react';

/**
 * The sections of the tab by their anchor ids. Other parts link to them
 * (the next steps link `#security-intake`), so the ids are kept stable.
 */
export const SECTIONS = [
  { id: 'security-next-steps', label: 'Next steps' },
  { id: 'security-score', label: 'Score' },
  { id: 'security-intake', label: 'Intake' },
  { id: 'security-stages', label: 'Stages' },
  { id: 'security-rasi', label: 'RASI' },
  { id: 'security-roadmap', label: 'Roadmap' },
  { id: 'security-exceptions', label: 'Exceptions' },
  { id: 'security-worksheets', label: 'Worksheets' },
  { id: 'security-decisions', label: 'Decisions' },
  { id: 'security-releases', label: 'Releases' },
  { id: 'security-evidence', label: 'Evidence from tools' },
  { id: 'security-history', label: 'History' },
] as const;

const jumpTo = (id: string) =>
  document.getElementById(id)?.scrollIntoView({ block: 'start' });

/**
 * A bar that stays at the top while the tab scrolls and jumps to a section.
 * It also honours a section or a record in the address
 * (`…/security#security-history`, `…#security-exception-<id>` from a task):
 * the browser cannot scroll there itself, as the sections render only once
 * the record has loaded. A record the tab does not show (lists show the
 * newest only) opens its section instead.
 */
export function SectionNav() {
  useEffect(() => {
    const id = window.location.hash.slice(1);
    if (SECTIONS.some(s => s.id === id)) {
      jumpTo(id);
      return;
    }
    const section = securityTabSectionOf(id);
    if (section) jumpTo(document.getElementById(id) ? id : section);
  }, []);
  return (
    // A grid item of the tab itself: sticky within the whole grid of sections.
    <Grid item xs={12} style={{ position: 'sticky', top: 0, zIndex: 2 }}>
      <Paper component="nav" aria-label="Sections of the Security tab">
        <Box display="flex" flexWrap="wrap" p={1} style={{ gap: 6 }}>
          {SECTIONS.map(s => (
            <Chip
              key={s.id}
              size="small"
              clickable
              label={s.label}
              onClick={() => jumpTo(s.id)}
            />
          ))}
        </Box>
      </Paper>
    </Grid>
  );
}

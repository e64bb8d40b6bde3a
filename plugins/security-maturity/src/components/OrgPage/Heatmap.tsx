import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import {
  OrgRollup,
  SammPractice,
  SAMM_PRACTICES,
} from '@secmat/backstage-plugin-security-maturity-common';
import { useState } from 'react';

// Red (0) through amber to green (3); the number is always shown as well, so
// the colour is never the only cue.
export function heatColor(value: number) {
  const hue = Math.round((Math.max(0, Math.min(3, value)) / 3) * 120);
  return `hsl(${hue}, 70%, 82%)`;
}

/**
 * Red (far from the target) to green (at it), by percent to target: a gap
 * of 0.5 is little against a target of 2.5 and much against one of 0.75.
 */
export function gapColor(percentToTarget: number) {
  const hue = Math.round(
    (Math.max(0, Math.min(100, percentToTarget)) / 100) * 120,
  );
  return `hsl(${hue}, 70%, 82%)`;
}

const NO_TARGET = 'hsl(0, 0%, 92%)';

/** What the heatmap's cells show. */
export type HeatmapMode = 'score' | 'gap';

function Cell(props: {
  group: OrgRollup;
  practice: SammPractice;
  mode: HeatmapMode;
}) {
  const { group: g, practice: p, mode } = props;
  const score = g.practices[p.id] ?? 0;
  if (mode === 'score') {
    return (
      <TableCell
        align="center"
        style={{ background: heatColor(score) }}
        aria-label={`${g.title}, ${p.name}: ${score.toFixed(2)}`}
      >
        {score.toFixed(1)}
      </TableCell>
    );
  }
  const target = g.practiceTargets?.[p.id];
  if (!target) {
    return (
      <TableCell
        align="center"
        style={{ background: NO_TARGET }}
        aria-label={`${g.title}, ${p.name}: no target (no component with a tier)`}
      >
        –
      </TableCell>
    );
  }
  const of = `mean ${score.toFixed(2)}, target ${target.target.toFixed(2)}`;
  return (
    <TableCell
      align="center"
      style={{ background: gapColor(target.percentToTarget) }}
      title={of}
      aria-label={
        target.gap > 0
          ? `${g.title}, ${p.name}: gap ${target.gap.toFixed(2)} to target ${target.target.toFixed(2)} (${Math.round(target.percentToTarget)}% to target)`
          : `${g.title}, ${p.name}: target ${target.target.toFixed(2)} reached`
      }
    >
      {target.gap > 0 ? target.gap.toFixed(2) : '0'}
    </TableCell>
  );
} // prettier-ignore

/**
 * Practice × group: the mean practice score of each group's components, or
 * (the "gap to target" mode) how far they are below their tiers' targets on
 * average, coloured by percent to target.
 */
export function Heatmap(props: {
  groups: OrgRollup[];
  onSelect: (ref: string) => void;
}) {
  const { groups, onSelect } = props;
  const [mode, setMode] = useState<HeatmapMode>('score');
  if (groups.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No scored components owned by a group match the filters.
      </Typography>
    );
  }
  return (
    <>
      <Box display="flex" alignItems="center" mb={1}>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={mode}
          onChange={(_, next: HeatmapMode | null) => next && setMode(next)}
          aria-label="Heatmap shows"
        >
          <ToggleButton value="score">Mean score</ToggleButton>
          <ToggleButton value="gap">Gap to target</ToggleButton>
        </ToggleButtonGroup>
        <Box ml={2}>
          <Typography variant="caption" color="textSecondary">
            {mode === 'score'
              ? 'Mean practice score (0–3).'
              : "Mean gap to target (the tier's practice target minus the score, never below 0) of the components with a tier; green at the target, red far from it."}
          </Typography>
        </Box>
      </Box>
      <div style={{ overflowX: 'auto' }}>
        <Table
          size="small"
          aria-label={
            mode === 'score'
              ? 'Practice scores by group'
              : 'Practice gaps to target by group'
          }
        >
          <TableHead>
            <TableRow>
              <TableCell>Group</TableCell>
              {SAMM_PRACTICES.map(p => (
                <TableCell key={p.id} align="center">
                  <Tooltip title={p.name}>
                    <span>{p.id}</span>
                  </Tooltip>
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {groups.map(g => (
              <TableRow key={g.ref} hover>
                <TableCell
                  style={{ paddingLeft: 16 + g.depth * 20, cursor: 'pointer' }}
                  onClick={() => onSelect(g.ref)}
                >
                  {g.title}
                </TableCell>
                {SAMM_PRACTICES.map(p => (
                  <Cell key={p.id} group={g} practice={p} mode={mode} />
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}

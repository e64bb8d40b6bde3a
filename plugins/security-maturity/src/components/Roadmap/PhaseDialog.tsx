import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  RoadmapItem,
  RoadmapPhase,
  SAMM_ACTIVITY_IDS,
  SAMM_ANSWER_OPTIONS,
  SAMM_PRACTICES,
  SammAnswerValue,
} from '@secmat/backstage-plugin-security-maturity-common';
import { useState } from 'react';
import { useDialogChange } from '../../hooks/useDialogChange';
import { useSecurityTab } from '../../hooks/useSecurityTab';
import { FormDialog, SelectField } from '../common';

const ENTITY_REF = /^(user|group):[a-z0-9._-]+\/[a-z0-9._-]+$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const practiceName = (activityId: string) =>
  SAMM_PRACTICES.find(p => activityId.startsWith(`${p.id}-`))?.name ?? '';

export const ACTIVITY_OPTIONS = SAMM_ACTIVITY_IDS.map(id => ({
  value: id,
  label: `${id} · ${practiceName(id)}`,
}));
const ANSWER_OPTIONS = SAMM_ANSWER_OPTIONS.map(o => ({
  value: o.value,
  label: `${o.value} · ${o.label}`,
}));

type Draft = {
  activityId: string;
  plannedAnswer: SammAnswerValue | '';
  dueOn: string;
  ownerRef: string;
};

/** A real calendar day, as the backend checks it. */
export function isCalendarDay(value: string) {
  if (!DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** What is wrong with each item, by index and field; empty when it can be sent. */
export function itemProblems(items: Draft[]) {
  const problems: Array<Partial<Record<keyof Draft, string>>> = items.map(
    () => ({}),
  );
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (!item.activityId) problems[i].activityId = 'Required';
    else if (seen.has(item.activityId))
      problems[i].activityId = 'Planned twice';
    seen.add(item.activityId);
    if (item.plannedAnswer === '') problems[i].plannedAnswer = 'Required';
    if (!isCalendarDay(item.dueOn))
      problems[i].dueOn = 'A calendar date, YYYY-MM-DD';
    if (item.ownerRef && !ENTITY_REF.test(item.ownerRef)) {
      problems[i].ownerRef = 'A user or group, e.g. user:default/mei.chen';
    }
  });
  return problems;
}

const draftOf = (item: RoadmapItem): Draft => ({
  activityId: item.activityId,
  plannedAnswer: item.plannedAnswer,
  dueOn: item.dueOn,
  ownerRef: item.ownerRef ?? '',
});
const EMPTY_ITEM: Draft = {
  activityId: '',
  plannedAnswer: '',
  dueOn: '',
  ownerRef: '',
};

/**
 * Adds a phase (number `phase`, version 0) or edits `editing` with the version
 * it was read at: its name and items (activity, planned answer, due day and
 * an optional owner; without one, the RASI Responsible or the component
 * owner). Checked before it is sent; on failure it stays open with the reason.
 */
export function PhaseDialog(props: {
  phase: number;
  editing?: RoadmapPhase;
  onClose: () => void;
}) {
  const { phase, editing, onClose } = props;
  const { api, entityRef } = useSecurityTab();
  const { busy, save: saveChange, dialogProps } = useDialogChange(onClose);
  const [name, setName] = useState(editing?.name ?? '');
  const [items, setItems] = useState<Draft[]>(
    editing ? editing.items.map(draftOf) : [EMPTY_ITEM],
  );
  const [tried, setTried] = useState(false);
  const problems = itemProblems(items);
  const valid =
    name.trim() !== '' && problems.every(p => Object.keys(p).length === 0);
  const set = (i: number, change: Partial<Draft>) =>
    setItems(items.map((item, j) => (j === i ? { ...item, ...change } : item)));
  const shown = (i: number, field: keyof Draft) =>
    tried ? problems[i][field] : undefined;

  const save = async () => {
    setTried(true);
    if (!valid) return;
    await saveChange(() =>
      api.putRoadmapPhase(entityRef, phase, {
        version: editing?.version ?? 0,
        name: name.trim(),
        items: items.map(i => ({
          activityId: i.activityId,
          plannedAnswer: i.plannedAnswer as SammAnswerValue,
          dueOn: i.dueOn,
          ...(i.ownerRef ? { ownerRef: i.ownerRef } : {}),
        })),
      }),
    );
  };

  return (
    <FormDialog
      id="roadmap-phase"
      title={editing ? `Edit phase ${phase}` : `Add phase ${phase}`}
      submitLabel="Save"
      canSubmit={!busy}
      onSubmit={save}
      {...dialogProps}
    >
      <TextField
        id="roadmap-phase-name"
        label="Phase name"
        value={name}
        onChange={e => setName(e.target.value)}
        fullWidth
        margin="dense"
        error={tried && !name.trim()}
        helperText={tried && !name.trim() ? 'Required' : undefined}
        inputProps={{ maxLength: 200 }}
      />
      {items.map((item, i) => (
        <Box
          key={i}
          mt={2}
          p={1}
          border={1}
          borderColor="divider"
          borderRadius={4}
        >
          <Box
            display="flex"
            alignItems="center"
            justifyContent="space-between"
          >
            <Typography variant="subtitle2">Item {i + 1}</Typography>
            <IconButton
              size="small"
              aria-label={`Remove item ${i + 1}`}
              onClick={() => setItems(items.filter((_, j) => j !== i))}
            >
              ✕
            </IconButton>
          </Box>
          <SelectField
            id={`roadmap-item-${i}-activity`}
            label="SAMM activity"
            value={item.activityId}
            options={ACTIVITY_OPTIONS}
            onChange={activityId => set(i, { activityId })}
            fullWidth
            margin="dense"
            helperText={shown(i, 'activityId')}
          />
          <SelectField
            id={`roadmap-item-${i}-answer`}
            label="Planned answer"
            value={item.plannedAnswer}
            options={ANSWER_OPTIONS}
            onChange={plannedAnswer =>
              set(i, { plannedAnswer: plannedAnswer as SammAnswerValue })
            }
            fullWidth
            margin="dense"
            helperText={shown(i, 'plannedAnswer')}
          />
          <TextField
            id={`roadmap-item-${i}-due`}
            label="Due"
            type="date"
            value={item.dueOn}
            onChange={e => set(i, { dueOn: e.target.value })}
            InputLabelProps={{ shrink: true }}
            margin="dense"
            error={Boolean(shown(i, 'dueOn'))}
            helperText={shown(i, 'dueOn')}
          />
          <TextField
            id={`roadmap-item-${i}-owner`}
            label="Owner (optional)"
            value={item.ownerRef}
            onChange={e => set(i, { ownerRef: e.target.value.trim() })}
            fullWidth
            margin="dense"
            error={Boolean(shown(i, 'ownerRef'))}
            helperText={
              shown(i, 'ownerRef') ??
              'Empty: the RASI Responsible of the matching activity, else the component owner'
            }
          />
        </Box>
      ))}
      <Box mt={1}>
        <Button size="small" onClick={() => setItems([...items, EMPTY_ITEM])}>
          Add item
        </Button>
      </Box>
    </FormDialog>
  );
}

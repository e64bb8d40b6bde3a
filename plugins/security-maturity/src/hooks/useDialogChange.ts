import { useMutation } from './useMutation';
import { useSecurityTab } from './useSecurityTab';

/**
 * The change a form dialog of the Security tab saves. `save` runs it through
 * the tab's mutation and closes the dialog only once it is saved; spread
 * `dialogProps` into `FormDialog`, which then shows why a change was not
 * saved (with Reload on a conflict) and stays open.
 */
export function useDialogChange(onClose: () => void) {
  const { onChanged } = useSecurityTab();
  const { busy, error, run } = useMutation(onChanged);
  const save = async (change: () => Promise<unknown>) => {
    if (await run(change)) onClose();
  };
  return { busy, save, dialogProps: { error, onReload: onChanged, onClose } };
}

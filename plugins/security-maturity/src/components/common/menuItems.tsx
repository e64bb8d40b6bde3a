import MenuItem from '@material-ui/core/MenuItem';

/**
 * The options of a `TextField select`: plain values shown as they are, or
 * configured items (`{ id, title }`) shown by their title.
 */
export function menuItems(
  items: ReadonlyArray<string | { id: string; title: string }>,
) {
  return items.map(item => {
    const [value, label] =
      typeof item === 'string' ? [item, item] : [item.id, item.title];
    return (
      <MenuItem key={value} value={value}>
        {label}
      </MenuItem>
    );
  });
}

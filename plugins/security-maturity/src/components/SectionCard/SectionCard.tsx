import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';

/**
 * One section of the Security tab. With no items it explains what will appear
 * there and who records it, instead of showing an empty box.
 */
export function SectionCard(props: {
  title: string;
  subheader: string;
  count: number;
  emptyText: string;
  /** In the header, e.g. the button that opens a form. */
  action?: ReactNode;
  /** Above the items, e.g. why the last change was not saved. */
  alert?: ReactNode;
  /** Below the items, shown even when there are none, e.g. a form. */
  footer?: ReactNode;
  children?: ReactNode;
}) {
  const { title, subheader, count, emptyText, children } = props;
  return (
    <InfoCard title={title} subheader={subheader} action={props.action}>
      {props.alert}
      {count === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {emptyText}
        </Typography>
      ) : (
        children
      )}
      {props.footer}
    </InfoCard>
  );
}

export { ChangeErrorAlert } from './ChangeErrorAlert';
export { daysUntil } from './daysUntil';
export { FormDialog } from './FormDialog';
export { InlineTextForm } from './InlineTextForm';
export { ItemHeading } from './ItemHeading';
export { menuItems } from './menuItems';
export { SelectField } from './SelectField';
export { serverError } from './serverError';

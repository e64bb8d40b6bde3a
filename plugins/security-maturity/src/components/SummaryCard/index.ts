export { EntitySecuritySummaryCard } from './EntitySecuritySummaryCard';

export { DecisionsCard } from './DecisionsCard';

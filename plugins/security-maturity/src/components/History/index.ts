export { HistoryCard } from './HistoryCard';

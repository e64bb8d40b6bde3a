export { ScoreCard } from './ScoreCard';

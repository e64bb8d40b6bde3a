export { ScoreTrend } from './ScoreTrend';

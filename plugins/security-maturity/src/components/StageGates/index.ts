export { StageGatesCard } from './StageGatesCard';

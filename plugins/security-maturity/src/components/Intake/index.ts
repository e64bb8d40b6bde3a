export { IntakeCard } from './IntakeCard';

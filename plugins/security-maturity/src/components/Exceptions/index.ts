export { ExceptionsCard } from './ExceptionsCard';

export { WorksheetsCard } from './WorksheetsCard';

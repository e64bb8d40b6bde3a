export { ReleasesCard } from './ReleasesCard';

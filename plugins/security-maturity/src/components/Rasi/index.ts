export { RasiCard } from './RasiCard';

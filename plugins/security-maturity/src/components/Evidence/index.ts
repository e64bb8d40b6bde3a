export { EvidenceCard } from './EvidenceCard';

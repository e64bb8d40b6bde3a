export { RoadmapCard } from './RoadmapCard';

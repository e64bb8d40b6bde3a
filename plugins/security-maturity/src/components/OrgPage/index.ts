export { SecurityMaturityPage } from './SecurityMaturityPage';

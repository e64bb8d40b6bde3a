export { EntityTeamSecurityContent } from './EntityTeamSecurityContent';

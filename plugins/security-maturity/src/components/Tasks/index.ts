export { MySecurityTasksPage } from './MySecurityTasksPage';
export { SecurityTasksCardContent } from './SecurityTasksCard';

export { NextStepsCard } from './NextStepsCard';

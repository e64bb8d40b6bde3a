export { CampaignChips, campaignChipLabel } from './CampaignChips';

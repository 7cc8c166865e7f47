export { DiscountSettings } from './DiscountSettings';

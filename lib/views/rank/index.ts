/**
 * The "For you" ranker, as one lazily imported chunk: the new tab and the popup load it only when
 * the order is "For you", after their first paint.
 */
export { buildProfile } from './profile';
export { rankForYou, type Ranked, type Reason } from './rank';

/**
 * Three-valued (Kleene) logic as small integers ordered false < unknown <
 * true, so AND is the minimum, OR the maximum and NOT is 2 − x.
 */
export const FALSE = 0;
export const UNKNOWN = 1;
export const TRUE = 2;
export type Truth = 0 | 1 | 2;

export const and = (a: Truth, b: Truth): Truth => (a < b ? a : b);
export const or = (a: Truth, b: Truth): Truth => (a > b ? a : b);
export const not = (a: Truth): Truth => (2 - a) as Truth;

export const STATUS_OF_TRUTH = ['ineligible', 'undetermined', 'eligible'] as const;
export type StatusName = (typeof STATUS_OF_TRUTH)[number];

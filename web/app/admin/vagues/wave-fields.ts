/** How many training rows the wave form offers (empty ones are left out). */
export const TRAINING_ROWS = 3;

export * from './common';
export { errorText, frenchText, frenchWait, frErrors, type ErrorMessages, type ErrorParams, type Reason } from './errors';
export * from './platform';
export * from './route';
export * from './routes';
export * from './territory';
export * from './finder';

export * from './identity';
export * from './party-functions';
export * from './events';
export * from './social';
export * from './log-retention';
export * from './privacy';
export * from './mailings';
export * from './paris-time';
export * from './messaging';
export * from './texts';
export * from './documents';

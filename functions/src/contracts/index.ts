export * from './common';
export * from './platform';
export * from './route';
export * from './routes';
export * from './territory';

export * from './identity';
export * from './party-functions';
export * from './events';
export * from './social';
export * from './privacy';
export * from './paris-time';

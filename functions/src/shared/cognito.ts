import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import * as z from 'zod';
import { optionalEndpoint, readConfig } from './config';

const config = readConfig({
  USER_POOL_ID: z.string().min(1),
  USER_POOL_CLIENT_ID: z.string().min(1),
  COGNITO_ENDPOINT: optionalEndpoint,
});

export const userPoolId = config.USER_POOL_ID;
export const userPoolClientId = config.USER_POOL_CLIENT_ID;
export const cognito = new CognitoIdentityProviderClient(config.COGNITO_ENDPOINT ? { endpoint: config.COGNITO_ENDPOINT } : {});

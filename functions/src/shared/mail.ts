import type { SESv2Client } from '@aws-sdk/client-sesv2';
import * as z from 'zod';
import { optionalEndpoint, readConfig } from './config';

const config = readConfig({
  MAIL_FROM: z.email(),
  MAIL_CONFIGURATION_SET: z.string().min(1),
  SES_ENDPOINT: optionalEndpoint,
});

export const mailFrom = config.MAIL_FROM;
export const mailConfigurationSet = config.MAIL_CONFIGURATION_SET;
let loaded: Promise<{ client: SESv2Client; sdk: typeof import('@aws-sdk/client-sesv2') }> | undefined;

/**
 * SES's client and commands, loaded on first use (ADR 0008): a request that sends no mail never
 * loads them, and the Lambda's cold start does not pay for them.
 */
export function ses() {
  loaded ??= import('@aws-sdk/client-sesv2').then((sdk) => ({ sdk, client: new sdk.SESv2Client(config.SES_ENDPOINT ? { endpoint: config.SES_ENDPOINT } : {}) }));
  return loaded;
}

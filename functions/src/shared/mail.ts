import { SESv2Client } from '@aws-sdk/client-sesv2';
import * as z from 'zod';
import { optionalEndpoint, readConfig } from './config';

const config = readConfig({
  MAIL_FROM: z.email(),
  MAIL_CONFIGURATION_SET: z.string().min(1),
  SES_ENDPOINT: optionalEndpoint,
});

export const mailFrom = config.MAIL_FROM;
export const mailConfigurationSet = config.MAIL_CONFIGURATION_SET;
export const ses = new SESv2Client(config.SES_ENDPOINT ? { endpoint: config.SES_ENDPOINT } : {});

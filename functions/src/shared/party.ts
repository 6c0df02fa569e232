import * as z from 'zod';
import { readConfig } from './config';

/**
 * Who sends Coopol's mail to many (issue 16): the party, named with its postal address in the small
 * print of every launch mail, announcement and message — a political mail says whose it is. Stage
 * config (`partyName`, `partyAddress`, infra/config.ts); the defaults are obviously fictitious, for
 * the local stack and the tests.
 */
const config = readConfig({
  PARTY_NAME: z.string().min(2).max(80).default('Parti de démonstration'),
  PARTY_ADDRESS: z.string().min(2).max(160).default('1 place de l’Exemple, 00000 Fictiveville'),
});

export const party = { name: config.PARTY_NAME, address: config.PARTY_ADDRESS };

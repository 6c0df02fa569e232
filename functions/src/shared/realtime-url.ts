import * as z from 'zod';
import { readConfig } from './config';

const config = readConfig({
  /** Where the browser opens the live channel: the WebSocket API's stage URL (`wss://…`), locally `ws://<site>/ws`. */
  REALTIME_URL: z.url().refine((url) => /^wss?:\/\//.test(url), 'must be a ws:// or wss:// address'),
});

/** The live channel's address, given to the browser with its ticket (ADR 0029). */
export const realtimeUrl = (): string => config.REALTIME_URL;

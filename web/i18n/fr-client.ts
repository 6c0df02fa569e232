import { frShell } from './fr-shell';
import { frForms } from './client/forms';
import { frHelp } from './client/help';
import { frTour } from './client/tour';
import { frFinder } from './client/finder';
import { frSlots } from './client/slots';
import { frPhoto } from './client/photo';
import { frAttach } from './client/attach';
import { frBell } from './client/bell';
import { frChat } from './client/messaging';
import { frErrorPage } from './client/error-page';
import type { Dictionary } from './translate';

/**
 * Every French string of client components: the shell’s (`fr-shell.ts`, every page) and one
 * dictionary per client feature (`client/*.ts`), each imported by its components only, so the
 * browser downloads the strings of what the page draws (ADR 0026). The server’s dictionary (`fr.ts`)
 * includes them all.
 */
export const frClient = {
  ...frShell,
  ...frForms,
  ...frHelp,
  ...frTour,
  ...frFinder,
  ...frSlots,
  ...frPhoto,
  ...frAttach,
  ...frBell,
  ...frChat,
  ...frErrorPage,
} as const satisfies Dictionary;

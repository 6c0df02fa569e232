/** The longest a session lives: the app client's refresh token validity (infra/stacks/auth-stack.ts). */
import { retention } from '../privacy/retention';

export const SESSION_MAX_SECONDS = retention.session.seconds;
/** What an access or id token lives (the app client's validity): kept short, the web refreshes. */
export const TOKEN_VALIDITY_MINUTES = 15;

/** The longest a session lives: the app client's refresh token validity (infra/stacks/auth-stack.ts). */
export const SESSION_MAX_SECONDS = 30 * 24 * 3600;
/** What an access or id token lives (the app client's validity): kept short, the web refreshes. */
export const TOKEN_VALIDITY_MINUTES = 15;

import { foldName } from '../territory/names';

/**
 * Mentions: `@Prénom Nom` in a post or a comment. The names are resolved by the notifications job
 * (`resolveMentions`, from the search index's people entries, S18), so writing a post costs nothing
 * more; who is then told is decided by the rules of the post's space.
 */
const MAX_MENTIONS = 10;
// Folded, « Jean-Pierre de La Fontaine » is five words.
const MAX_NAME_WORDS = 6;

/** `@` and up to four words, not inside a word or an address (also used on escaped text: formatting.ts). */
export const mentionPattern = /(?<![\p{L}\p{N}_.])@(\p{L}[\p{L}'’-]*(?:[ \u00a0]\p{L}[\p{L}'’-]*){0,3})/gu;

/** What follows each `@`: up to four words, of which the person's full name is the longest match. */
export function mentionedNames(text: string): string[][] {
  const found = text.matchAll(mentionPattern);
  const names = [...found].map((match) => foldName(match[1]!).split(' ').filter(Boolean).slice(0, MAX_NAME_WORDS)).filter((words) => words.length >= 2);
  const seen = new Set<string>();
  return names.filter((words) => !seen.has(words.join(' ')) && seen.add(words.join(' '))).slice(0, MAX_MENTIONS);
}

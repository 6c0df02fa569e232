import type { Visibility } from '../../contracts/identity';

/** What a new person shows, until they choose: being a member is visible to their section only. */
export const defaultVisibility: Visibility = {
  membership: 'section',
  section: 'section',
  functions: 'members',
  mandates: 'signed-in',
  interests: 'members',
  photo: 'members',
  email: 'only-me',
};

/**
 * Cognito groups: only the national, territory-independent roles. Roles tied to a place in the
 * party's tree (federation officer of X, section secretary of Y) live in the table.
 */
export const cognitoGroups = [
  { name: 'national-admin', description: 'Administration nationale' },
  { name: 'privacy-officer', description: 'Délégué·e à la protection des données' },
] as const;

export type CognitoGroupName = (typeof cognitoGroups)[number]['name'];

/** « Bonjour Aline, » — or « Bonjour, » when the first name is unknown. */
export function greeting(givenName: string | undefined): string {
  const name = givenName?.trim();
  return name ? `Bonjour ${name},` : 'Bonjour,';
}

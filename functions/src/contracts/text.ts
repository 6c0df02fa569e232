const numberFormat = new Intl.NumberFormat('fr-FR');

/**
 * Fills a text's `{name}` placeholders with their values, numbers the French way; a missing one is
 * left as written. The one interpolation of the API's refusals and the site's dictionaries.
 */
export function fillText(text: string, vars?: Record<string, unknown>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numberFormat.format(value) : String(value);
  });
}

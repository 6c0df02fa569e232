export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** One query parameter as a string (the first when repeated); undefined when absent or empty. */
export function param(params: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = params[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first ? first : undefined;
}

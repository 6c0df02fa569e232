// No 'use client': drawn by a server component it costs the browser no script.
/** Hidden values the action needs (the address being confirmed, where to go next). */
export function Hidden({ name, value }: { name: string; value: string }) {
  return <input type="hidden" name={name} value={value} />;
}


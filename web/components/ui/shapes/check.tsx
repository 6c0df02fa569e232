// One shape a module: a client component's chunk carries the shapes it draws, no other (ADR 0026).
export const check = (
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="m8 12.5 2.8 2.8L16.5 9.5" />
  </>
);

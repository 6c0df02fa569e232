// One shape a module: a client component's chunk carries the shapes it draws, no other (ADR 0026).
export const search = (
  <>
    <circle cx="11" cy="11" r="7" />
    <path d="m20 20-4-4" />
  </>
);

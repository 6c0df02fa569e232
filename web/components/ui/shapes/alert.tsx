// One shape a module: a client component's chunk carries the shapes it draws, no other (ADR 0026).
export const alert = (
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7.5v5.5" />
    <circle cx="12" cy="16.5" r="1" fill="currentColor" stroke="none" />
  </>
);

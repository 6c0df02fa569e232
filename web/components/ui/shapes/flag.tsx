// One shape a module: a client component's chunk carries the shapes it draws, no other (ADR 0026).
export const flag = (
  <>
    <path d="M5 21V4" />
    <path d="M5 4h12.5l-2.5 4 2.5 4H5" />
  </>
);

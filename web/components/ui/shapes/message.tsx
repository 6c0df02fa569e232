// One shape a module: a client component's chunk carries the shapes it draws, no other (ADR 0026).
export const message = (
  <>
    <path d="M4 5.5h16v10.5H10l-4.5 3.5V16H4Z" />
    <path d="M8 9.5h8M8 12.5h5" />
  </>
);

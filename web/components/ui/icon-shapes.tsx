/**
 * The line icons' shapes, drawn on a 24×24 grid, one export each, for the server's `Icon`. The shapes
 * client components draw live one a module in `shapes/` (re-exported here), imported from there with
 * `IconSvg`, so the browser gets those a chunk draws and not the whole set (ADR 0026).
 */
export const arrowRight = (
  <>
    <path d="M5 12h14" />
    <path d="m13 6 6 6-6 6" />
  </>
);
export const chevronRight = <path d="m9 6 6 6-6 6" />;
export const help = (
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6" />
    <path d="M12 17.2h.01" />
  </>
);
export const mapPin = (
  <>
    <path d="M12 21s-7-6.1-7-11.5a7 7 0 0 1 14 0C19 14.9 12 21 12 21Z" />
    <circle cx="12" cy="9.5" r="2.5" />
  </>
);
export const users = (
  <>
    <circle cx="9" cy="8" r="3.5" />
    <path d="M2.5 20a6.5 6.5 0 0 1 13 0" />
    <circle cx="17" cy="9" r="2.5" />
    <path d="M16.5 14.1A5 5 0 0 1 21.5 19" />
  </>
);
export const network = (
  <>
    <circle cx="6" cy="6" r="2.5" />
    <circle cx="18" cy="6" r="2.5" />
    <circle cx="12" cy="18" r="2.5" />
    <path d="M8.5 6h7M7.2 8.2l3.6 7.6M16.8 8.2l-3.6 7.6" />
  </>
);
export const calendar = (
  <>
    <rect x="3" y="5" width="18" height="16" rx="2.5" />
    <path d="M3 10h18M8 3v4M16 3v4" />
    <path d="M7.5 14h2M11 14h2M14.5 14h2M7.5 17.5h2M11 17.5h2" />
  </>
);
export const megaphone = (
  <>
    <path d="M3 10.5v3a1.5 1.5 0 0 0 1.5 1.5H7l7 4.5v-15L7 9H4.5A1.5 1.5 0 0 0 3 10.5Z" />
    <path d="M7 15l1.5 5h2.5l-1-4.2" />
    <path d="M17.5 9a4 4 0 0 1 0 6M19.8 6.5a7.5 7.5 0 0 1 0 11" />
  </>
);
export const door = (
  <>
    <path d="M6 21V4.5A1.5 1.5 0 0 1 7.5 3h9A1.5 1.5 0 0 1 18 4.5V21" />
    <path d="M3 21h18" />
    <circle cx="14.5" cy="12.5" r="1" fill="currentColor" stroke="none" />
  </>
);
export const chart = (
  <>
    <path d="M3 21h18" />
    <path d="M6 17v-4M10.5 17V8M15 17v-6M19.5 17V4" />
  </>
);
export { flag } from './shapes/flag';
export const landmark = (
  <>
    <path d="M3 9.5 12 4l9 5.5" />
    <path d="M5 10v8M9.5 10v8M14.5 10v8M19 10v8" />
    <path d="M3 21h18M4 18h16" />
  </>
);
export const globe = (
  <>
    <circle cx="12" cy="12" r="9" />
    <path d="M3 12h18" />
    <path d="M12 3a14 14 0 0 1 0 18 14 14 0 0 1 0-18Z" />
  </>
);
export const briefcase = (
  <>
    <rect x="3" y="7" width="18" height="13" rx="2" />
    <path d="M8.5 7V5.5A2 2 0 0 1 10.5 3.5h3a2 2 0 0 1 2 2V7M3 12.5h18" />
  </>
);
export const home = (
  <>
    <path d="M3 11 12 4l9 7" />
    <path d="M5.5 9.5V20h13V9.5" />
    <path d="M10 20v-5.5h4V20" />
  </>
);
export const blocks = (
  <>
    <rect x="3.5" y="3.5" width="7" height="7" rx="1.5" />
    <rect x="13.5" y="3.5" width="7" height="7" rx="1.5" />
    <rect x="3.5" y="13.5" width="7" height="7" rx="1.5" />
    <rect x="13.5" y="13.5" width="7" height="7" rx="1.5" />
  </>
);
export const map = (
  <>
    <path d="M9 4 3.5 6v14L9 18l6 2 5.5-2V4L15 6 9 4Z" />
    <path d="M9 4v14M15 6v14" />
  </>
);
export { search } from './shapes/search';
export { alert } from './shapes/alert';
export const code = (
  <>
    <path d="m8 8-4 4 4 4M16 8l4 4-4 4" />
    <path d="m13.5 5-3 14" />
  </>
);
export const star = <path d="m12 3 2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1-4.4-4.3 6.1-.9L12 3Z" />;
export { check } from './shapes/check';
export const user = (
  <>
    <circle cx="12" cy="8" r="4" />
    <path d="M4.5 20.5a7.5 7.5 0 0 1 15 0" />
  </>
);
export const lock = (
  <>
    <rect x="4.5" y="10.5" width="15" height="10" rx="2" />
    <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" />
  </>
);
export const shield = (
  <>
    <path d="M12 3 4.5 6v5.5c0 4.6 3.2 8.3 7.5 9.5 4.3-1.2 7.5-4.9 7.5-9.5V6L12 3Z" />
    <path d="m9 12 2.2 2.2L15.5 10" />
  </>
);
export const logOut = (
  <>
    <path d="M9.5 20.5H6a1.5 1.5 0 0 1-1.5-1.5V5A1.5 1.5 0 0 1 6 3.5h3.5" />
    <path d="M15 16.5 19.5 12 15 7.5M19.5 12H9.5" />
  </>
);
export { eye } from './shapes/eye';
export { camera } from './shapes/camera';
export const chevronDown = <path d="m6 9 6 6 6-6" />;
export { bell } from './shapes/bell';
export const download = (
  <>
    <path d="M12 4v11" />
    <path d="m7 10 5 5 5-5" />
    <path d="M4 17v2a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-2" />
  </>
);
export { paperclip } from './shapes/paperclip';
/** A page with its lines: a text, a motion. */
export const fileText = (
  <>
    <path d="M14 3H6.5A1.5 1.5 0 0 0 5 4.5v15A1.5 1.5 0 0 0 6.5 21h11a1.5 1.5 0 0 0 1.5-1.5V8Z" />
    <path d="M14 3v5h5" />
    <path d="M8.5 12.5h7M8.5 16h7M8.5 9h3" />
  </>
);

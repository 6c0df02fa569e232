import { randomBytes } from 'node:crypto';

/** A post's, comment's or report's id: 20 characters of base 36, random (no policy module, so any bundle may make one). */
export const newId = () => BigInt(`0x${randomBytes(13).toString('hex')}`).toString(36).padStart(20, '0').slice(-20);

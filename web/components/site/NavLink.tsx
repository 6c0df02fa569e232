'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

/**
 * A link of the main navigation that says where one is (`aria-current="page"`). `match` is the
 * path prefix that counts as « here » (the home page only matches itself).
 */
export function NavLink({ href, match, className, children }: { href: string; match?: string; className?: string; children: ReactNode }) {
  const path = usePathname();
  const prefix = match ?? href;
  const here = prefix === '/' ? path === '/' : path === prefix || path.startsWith(`${prefix}/`);
  return (
    <Link href={href} className={className} aria-current={here ? 'page' : undefined}>
      {children}
    </Link>
  );
}

'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

/**
 * A link of the main navigation that says where one is (`aria-current="page"`): on its page or
 * below it (the home page only on itself).
 */
export function NavLink({ href, className, children }: { href: string; className?: string; children: ReactNode }) {
  const path = usePathname();
  const here = href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
  return (
    <Link href={href} className={className} aria-current={here ? 'page' : undefined}>
      {children}
    </Link>
  );
}

import type { ReactNode } from 'react';

/**
 * An icon's frame: a 24×24 grid stroked with the current text colour, named when it means something
 * (`label`), hidden from assistive technology otherwise. Its shape comes from `icon-shapes.tsx`.
 */
export function IconSvg({ size = 24, label, className, children }: { size?: number; label?: string; className?: string; children: ReactNode }) {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      focusable="false"
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}
    >
      {children}
    </svg>
  );
}

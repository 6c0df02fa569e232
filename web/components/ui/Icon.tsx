import * as shapes from './icon-shapes';
import { IconSvg } from './IconSvg';

export type IconName = keyof typeof shapes;

/**
 * A line icon by name, for server components. Client components draw theirs with `IconSvg` and the
 * shapes they import: a name chosen at run time would ship every shape to the browser.
 */
export function Icon({ name, size = 24, label, className }: { name: IconName; size?: number; label?: string; className?: string }) {
  return (
    <IconSvg size={size} label={label} className={className}>
      {shapes[name]}
    </IconSvg>
  );
}

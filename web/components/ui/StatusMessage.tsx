import type { ComponentProps } from 'react';
import { Icon, type IconName } from './Icon';
import { StatusCard } from './StatusCard';

/** A whole-page message (not found, error) with its icon by name, for server components. */
export function StatusMessage({ icon, ...card }: Omit<ComponentProps<typeof StatusCard>, 'icon'> & { icon: IconName }) {
  return <StatusCard icon={<Icon name={icon} size={34} />} {...card} />;
}

/** Where a notification leads through `/notifications/ouvrir/<id>`, which marks it read on the way. */
export const openNotificationHref = (notification: { id: string; path: string }) =>
  `/notifications/ouvrir/${encodeURIComponent(notification.id)}?vers=${encodeURIComponent(notification.path)}`;

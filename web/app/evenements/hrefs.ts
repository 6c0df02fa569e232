/** Where events, agendas and dashboards live on the site. */
export const eventHref = (id: string) => `/evenements/${encodeURIComponent(id)}`;
export const agendaHref = (spaceType: string, spaceId: string) => `/agenda/${encodeURIComponent(spaceType)}/${encodeURIComponent(spaceId)}`;
export const newEventHref = (spaceType: string, spaceId: string) => `/evenements/nouveau?espace=${encodeURIComponent(`${spaceType}:${spaceId}`)}`;
export const dashboardHref = (level: string, id: string) => `/remontees/${encodeURIComponent(level)}/${encodeURIComponent(id)}`;

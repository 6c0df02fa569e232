import * as z from 'zod';

export const DependencyStatus = z.object({
  status: z.enum(['ok', 'error']),
  latencyMs: z.number().nonnegative(),
  message: z.string().optional(),
});

export const HealthReport = z
  .object({
    status: z.enum(['ok', 'degraded']),
    dependencies: z.object({
      table: DependencyStatus,
      userPool: DependencyStatus,
      mail: DependencyStatus,
      files: DependencyStatus,
    }),
  })
  .meta({ id: 'HealthReport', description: 'État de chaque dépendance (table, annuaire, mail, fichiers).' });
export type HealthReport = z.infer<typeof HealthReport>;

export const OpenApiDocument = z.record(z.string(), z.unknown()).meta({ id: 'OpenApiDocument' });

export const Me = z
  .object({
    sub: z.string(),
    email: z.string().nullable(),
  })
  .meta({ id: 'Me', description: 'Identité de la personne connectée, telle que vérifiée par l’autorisateur.' });
export type Me = z.infer<typeof Me>;

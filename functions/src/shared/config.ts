import * as z from 'zod';

/**
 * Reads environment variables through a zod shape once, at module load, and fails fast with the
 * name of every missing or invalid variable (no silent `|| ''` defaults).
 */
export function readConfig<S extends z.ZodRawShape>(shape: S, env: Record<string, string | undefined> = process.env): z.infer<z.ZodObject<S>> {
  const parsed = z.object(shape).safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid configuration (environment variables): ${problems}`);
  }
  return parsed.data;
}

/** An optional endpoint override, set only by the local stack (AWS uses the SDK's default endpoints). */
export const optionalEndpoint = z.url().optional();

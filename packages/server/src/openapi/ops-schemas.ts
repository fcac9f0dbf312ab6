import * as z from 'zod';

// What the health checks answer.

export const health = z.object({ status: z.literal('ok') }).strict();
export const readiness = z.union([
  z.object({ status: z.literal('ready') }).strict(),
  z.object({ status: z.literal('unavailable'), message: z.string() }).strict(),
]);

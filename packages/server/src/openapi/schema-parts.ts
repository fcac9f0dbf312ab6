import * as z from 'zod';
import { ERROR_CODES } from '../errors.js';

// Pieces every area's schemas share (schemas.ts gathers them).

/** ISO 8601 with an offset, as every time in the API. */
export const time = z.iso.datetime({ offset: true });
/** A connected account's status. */
export const status = z.enum(['active', 'needs_reauth', 'error', 'revoked']);

/** Every error answer of the vault's own. */
export const errorSchema = z
  .object({
    error: z.enum(ERROR_CODES as [string, ...string[]]),
    message: z.string(),
    missingScopes: z.array(z.string()).optional(),
    retryAfter: z.number().int().optional().describe('seconds; also sent as the Retry-After header'),
    requestId: z.string().optional().describe('the x-request-id of the answer, to find it in the logs'),
  })
  .strict();

import type { ProviderSpecInput } from '@tokenvault/core';
import { oauth2 } from './presets/oauth2.js';
import { oidc } from './presets/oidc.js';

/** Presets by id. A preset may leave out what only a configuration can say (issuer, endpoints of one tenant). */
export const presets: Readonly<Record<string, Partial<ProviderSpecInput>>> = { oauth2, oidc };

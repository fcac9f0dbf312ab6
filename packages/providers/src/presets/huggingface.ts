import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Hugging Face: an OpenID provider ("Sign in with HF") with discovery at huggingface.co. Besides `openid`,
 * `profile` and `email`, scopes reach the user's repositories (`read-repos`, `write-repos`, `manage-repos`) and the
 * Inference API (`inference-api`); the OAuth app must allow each scope it asks for.
 */
export const huggingface = {
  id: 'huggingface',
  displayName: 'Hugging Face',
  type: 'oidc',
  category: 'data',
  logo: 'huggingface',
  // "Sign in with Hugging Face": supported scopes and the OpenID metadata (read 2026-12-03)
  docs: 'https://huggingface.co/docs/hub/oauth',
  setup:
    'Create a connected application in your Hugging Face settings (Settings > Connected Apps > Create) with the redirect URL `{publicUrl}/api/auth/huggingface/handler/frame` and the scopes your app needs.',
  issuer: 'https://huggingface.co',
  scopes: { default: ['openid', 'profile', 'read-repos'], required: ['openid'], separator: ' ' },
  clientAuthLocation: 'headers',
  account: { idPath: 'sub', displayNamePath: 'preferred_username' },
  // The Hub API (`/api/whoami-v2`, `/api/models`, …) takes the user's token as a bearer token.
  api: { baseUrl: 'https://huggingface.co/api' },
} satisfies Partial<ProviderSpecInput>;

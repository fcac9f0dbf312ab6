import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * BambooHR (HR records): OAuth 2.0 since April 2025 (the OpenID Connect login that returned API keys is deprecated).
 * Every company is a subdomain, and its authorize, token and API endpoints live there, so the company domain is a
 * per-account value entered when connecting. Access tokens last an hour; a refresh token comes only with the
 * `offline_access` scope. The documented token request is a JSON body, and its answer names `companyDomain`.
 * Each call acts with the permissions of the user who authorized.
 */
export const bamboohr = {
  id: 'bamboohr',
  displayName: 'BambooHR',
  type: 'oauth2',
  category: 'hr',
  // (read 2026-12-03)
  docs: 'https://documentation.bamboohr.com/docs/getting-started',
  setup:
    'Create an application in the BambooHR Developer Portal (https://developers.bamboohr.com) with the redirect URI `{publicUrl}/api/auth/bamboohr/handler/frame`, select its scopes (with offline_access) and copy the client id and secret; the app passes the company when connecting (`/api/auth/bamboohr/start?companyDomain=<name>&…` for <name>.bamboohr.com).',
  params: {
    companyDomain: {
      pattern: '[a-z0-9][a-z0-9-]*',
      description: 'the company domain, as in <companyDomain>.bamboohr.com',
    },
  },
  authorizeUri: 'https://{companyDomain}.bamboohr.com/authorize.php?request=authorize',
  tokenUri: 'https://{companyDomain}.bamboohr.com/token.php?request=token',
  tokenRequestFormat: 'json',
  scopes: { default: ['offline_access'], required: ['offline_access'], separator: ' ' },
  clientAuthLocation: 'body',
  metadata: ['companyDomain'],
  // Employee 0 is the employee of the user the token acts for.
  account: {
    userInfoUri: 'https://{companyDomain}.bamboohr.com/api/v1/employees/0?fields=firstName,lastName',
    idPath: 'id',
    displayNamePath: 'lastName',
  },
  // The provider's API for the proxy: the company's own host, `/api/v1/…`.
  api: { baseUrl: 'https://{companyDomain}.bamboohr.com/api/v1', headers: { Accept: 'application/json' } },
} satisfies Partial<ProviderSpecInput>;

import { VaultClientError } from './errors.js';
import type { AccessToken, AccountStatus, ConnectedAccount, ConnectSession, Disconnected } from './types.js';

// The one place where the vault's JSON becomes the SDK's types (ISO strings to Dates). Messages never quote the
// body: it may hold an access token.

type Json = Record<string, unknown>;

export function toConnectedAccounts(body: unknown): { items: ConnectedAccount[]; nextCursor: string | null } {
  const page = object(body, 'account list');
  if (!Array.isArray(page.items)) throw invalid('account list: items is not an array');
  const nextCursor = page.nextCursor ?? null;
  if (nextCursor !== null && typeof nextCursor !== 'string') throw invalid('account list: nextCursor');
  return { items: page.items.map(toConnectedAccount), nextCursor };
}

function toConnectedAccount(item: unknown): ConnectedAccount {
  const json = object(item, 'account');
  return {
    id: string(json, 'id'),
    provider: string(json, 'provider'),
    providerAccountId: string(json, 'providerAccountId'),
    displayName: nullable(json, 'displayName', string),
    scopes: strings(json, 'scopes'),
    status: string(json, 'status') as AccountStatus,
    expiresAt: nullable(json, 'expiresAt', date),
    lastRefreshedAt: nullable(json, 'lastRefreshedAt', date),
    nextRefreshAt: nullable(json, 'nextRefreshAt', date),
    lastError: nullable(json, 'lastError', string),
    metadata: stringRecord(json, 'metadata'),
    createdAt: date(json, 'createdAt'),
    updatedAt: date(json, 'updatedAt'),
  };
}

export function toAccessToken(body: unknown): AccessToken {
  const json = object(body, 'access token');
  return {
    accessToken: string(json, 'accessToken'),
    tokenType: string(json, 'tokenType'),
    expiresAt: nullable(json, 'expiresAt', date),
    scopes: strings(json, 'scopes'),
    accountId: string(json, 'accountId'),
  };
}

export function toDisconnected(body: unknown, accountId: string): Disconnected {
  const json = object(body, 'disconnect');
  if (typeof json.revokedAtProvider !== 'boolean') throw invalid('disconnect: revokedAtProvider');
  const failure = json.revocationError === undefined ? undefined : object(json.revocationError, 'revocationError');
  return {
    accountId,
    revokedAtProvider: json.revokedAtProvider,
    ...(failure && { revocationError: { code: string(failure, 'error'), message: string(failure, 'message') } }),
  };
}

export function toConnectSession(body: unknown): ConnectSession {
  const json = object(body, 'connect session');
  return {
    token: string(json, 'token'),
    connectUrl: string(json, 'connectUrl'),
    expiresAt: date(json, 'expiresAt'),
    provider: nullable(json, 'provider', string),
    scopes: json.scopes === undefined ? [] : strings(json, 'scopes'),
    actions: json.actions === undefined ? [] : strings(json, 'actions'),
    allowedProviders: json.allowedProviders == null ? null : strings(json, 'allowedProviders'),
    returnUrl: json.returnUrl == null ? null : string(json, 'returnUrl'),
  };
}

function object(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(`${what} is not a JSON object`);
  return value as Json;
}

function string(json: Json, key: string): string {
  const value = json[key];
  if (typeof value !== 'string') throw invalid(`${key} is not a string`);
  return value;
}

function strings(json: Json, key: string): string[] {
  const value = json[key];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw invalid(`${key} is not a list`);
  return value;
}

function stringRecord(json: Json, key: string): Record<string, string> {
  if (json[key] === undefined) return {};
  const value = object(json[key], key);
  if (!Object.values(value).every((item) => typeof item === 'string')) throw invalid(`${key} is not a string map`);
  return { ...(value as Record<string, string>) };
}

function date(json: Json, key: string): Date {
  const value = new Date(string(json, key));
  if (Number.isNaN(value.getTime())) throw invalid(`${key} is not a time`);
  return value;
}

function nullable<T>(json: Json, key: string, read: (json: Json, key: string) => T): T | null {
  return json[key] === null || json[key] === undefined ? null : read(json, key);
}

function invalid(message: string): VaultClientError {
  return new VaultClientError('invalid_response', `the vault's answer is not understood: ${message}`);
}

// An ES module backend: the Node SDK, and the libraries for embedding the vault, resolve to their declarations.
import { createVault } from '@tokenvault/core';
import { createMemoryStore, type OpenedStore, storeConformance } from '@tokenvault/core/testing';
import { type AccessTokenResult, createVaultClient } from '@tokenvault/sdk-node';
import { createApp } from '@tokenvault/server';
import { createSqliteStore } from '@tokenvault/store-sqlite';

const vault = createVaultClient({ baseUrl: 'https://vault.example.com', accessKey: 'key' });
export const read: Promise<AccessTokenResult> = vault.user('u_42').account('google').getAccessToken();
export const embedding = [createVault, createApp, createSqliteStore] as const;

// An adapter author's test: the conformance suite over a store factory.
const opened: OpenedStore = { store: createMemoryStore() };
export const conformance = storeConformance(() => opened).map((test) => test.name);

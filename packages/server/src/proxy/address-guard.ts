import { type LookupAddress, type LookupOptions, lookup } from 'node:dns';
import { VaultError } from '@tokenvault/core';
import ipaddr from 'ipaddr.js';

/** Only public unicast addresses: private, loopback, link-local, CGNAT, multicast and reserved ranges are refused. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

/** The code a refused address carries through the socket's error, so the transport can tell it apart. */
export const PRIVATE_ADDRESS = 'TOKENVAULT_PRIVATE_ADDRESS';

export function privateAddressError(host: string): VaultError {
  return new VaultError(
    'forbidden',
    `${host} is a private, loopback or link-local address; the provider's api must say allowPrivateNetworks: true to reach it`,
  );
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for sockets that resolves the name first and refuses it when any of its addresses is not public.
 * The socket connects to the address checked here, so a name cannot be checked as public and then connect to a
 * private one (DNS rebinding).
 */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      if (!allowPrivate && addresses.some((entry) => !isPublicAddress(entry.address))) {
        const refused: NodeJS.ErrnoException = new Error(`${hostname} resolves to a private address`);
        refused.code = PRIVATE_ADDRESS;
        return callback(refused, []);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0] as LookupAddress;
      callback(null, first.address, first.family);
    });
  };
}

import { type ConnectPageResult, type OpenConnectOptions, openConnect } from '@tokenvault/sdk-browser';
import { type ButtonHTMLAttributes, useState } from 'react';

export interface ConnectButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onClick' | 'onError'> {
  /** The connect session from your backend, or a function that asks for one when the button is clicked. */
  session: OpenConnectOptions['session'];
  /** The hosted page's result: `{ connected, provider }` or `{ error }`. */
  onResult: (result: ConnectPageResult) => void;
  /** Asking your backend for the session failed. */
  onError?: (error: unknown) => void;
}

/** A button that opens the vault's hosted connect page in a popup (sdk-browser `openConnect`). */
export function ConnectButton({ session, onResult, onError, disabled, children, ...rest }: ConnectButtonProps) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      {...rest}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      onClick={() => {
        setBusy(true);
        openConnect({ session })
          .then(onResult, (err: unknown) => onError?.(err))
          .finally(() => setBusy(false));
      }}
    >
      {children ?? 'Connect an account'}
    </button>
  );
}

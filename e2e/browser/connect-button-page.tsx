// The app's page in the connect-page tests: a <ConnectButton> that asks "its backend" (a global the test sets) for
// the connect session when clicked, and writes the hosted page's result into the document.
import { ConnectButton } from '@tokenvault/react';
import { createRoot } from 'react-dom/client';

declare global {
  interface Window {
    CONNECT_URL: string;
  }
}

function App() {
  return (
    <ConnectButton
      id="connect"
      session={() => Promise.resolve({ connectUrl: window.CONNECT_URL })}
      onResult={(result) => {
        const out = document.getElementById('result') as HTMLElement;
        out.textContent = JSON.stringify(result);
      }}
    >
      Connect an account
    </ConnectButton>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(<App />);

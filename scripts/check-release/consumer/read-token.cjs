// A CommonJS app reads a connected account's access token through the installed Node SDK.
const { createVaultClient } = require('@tokenvault/sdk-node');

const vault = createVaultClient({ baseUrl: process.env.VAULT_URL, accessKey: process.env.VAULT_ACCESS_KEY });
vault
  .user(process.env.USER_ID)
  .account('demo')
  .getAccessToken({ minValiditySeconds: 30 })
  .then((result) => {
    if (result.status !== 'ok') throw new Error(`token read failed: ${result.error.code}`);
    console.log(`read an access token of ${result.data.accessToken.length} characters`);
  })
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });

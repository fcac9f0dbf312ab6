import type { ProviderSpecInput } from '@tokenvault/core';
import { airtable } from './presets/airtable.js';
import { amazon } from './presets/amazon.js';
import { asana } from './presets/asana.js';
import { atlassian } from './presets/atlassian.js';
import { auth0 } from './presets/auth0.js';
import { bitbucket } from './presets/bitbucket.js';
import { bitly } from './presets/bitly.js';
import { box } from './presets/box.js';
import { calendly } from './presets/calendly.js';
import { canva } from './presets/canva.js';
import { clickup } from './presets/clickup.js';
import { cognito } from './presets/cognito.js';
import { databricks } from './presets/databricks.js';
import { deviantart } from './presets/deviantart.js';
import { digitalocean } from './presets/digitalocean.js';
import { discord } from './presets/discord.js';
import { docusign } from './presets/docusign.js';
import { dropbox } from './presets/dropbox.js';
import { ecwid } from './presets/ecwid.js';
import { egnyte } from './presets/egnyte.js';
import { etsy } from './presets/etsy.js';
import { facebook } from './presets/facebook.js';
import { figma } from './presets/figma.js';
import { github } from './presets/github.js';
import { gitlab } from './presets/gitlab.js';
import { google } from './presets/google.js';
import { gumroad } from './presets/gumroad.js';
import { hubspot } from './presets/hubspot.js';
import { huggingface } from './presets/huggingface.js';
import { imgur } from './presets/imgur.js';
import { instagram } from './presets/instagram.js';
import { intuit } from './presets/intuit.js';
import { keycloak } from './presets/keycloak.js';
import { kick } from './presets/kick.js';
import { lightspeed } from './presets/lightspeed.js';
import { linear } from './presets/linear.js';
import { linkedin } from './presets/linkedin.js';
import { mailchimp } from './presets/mailchimp.js';
import { mastodon } from './presets/mastodon.js';
import { mercadolibre } from './presets/mercadolibre.js';
import { microsoft } from './presets/microsoft.js';
import { miro } from './presets/miro.js';
import { monday } from './presets/monday.js';
import { mural } from './presets/mural.js';
import { notion } from './presets/notion.js';
import { oauth2 } from './presets/oauth2.js';
import { oidc } from './presets/oidc.js';
import { okta } from './presets/okta.js';
import { onelogin } from './presets/onelogin.js';
import { patreon } from './presets/patreon.js';
import { pingone } from './presets/pingone.js';
import { pinterest } from './presets/pinterest.js';
import { pipedrive } from './presets/pipedrive.js';
import { reddit } from './presets/reddit.js';
import { salesforce } from './presets/salesforce.js';
import { shopify } from './presets/shopify.js';
import { slack } from './presets/slack.js';
import { snapchat } from './presets/snapchat.js';
import { spotify } from './presets/spotify.js';
import { squarespace } from './presets/squarespace.js';
import { strava } from './presets/strava.js';
import { stytch } from './presets/stytch.js';
import { threads } from './presets/threads.js';
import { twitch } from './presets/twitch.js';
import { vimeo } from './presets/vimeo.js';
import { webflow } from './presets/webflow.js';
import { wordpress } from './presets/wordpress.js';
import { x } from './presets/x.js';
import { xero } from './presets/xero.js';
import { yahoo } from './presets/yahoo.js';
import { youtube } from './presets/youtube.js';
import { zitadel } from './presets/zitadel.js';
import { zoho } from './presets/zoho.js';
import { zoom } from './presets/zoom.js';

/**
 * Presets by id, one file each under presets/. A preset may leave out what only a configuration can say (the
 * tenant's issuer, a shop's endpoints); its `setup` note says what.
 */
export const presets: Readonly<Record<string, Partial<ProviderSpecInput>>> = {
  airtable,
  amazon,
  asana,
  atlassian,
  auth0,
  bitbucket,
  bitly,
  box,
  calendly,
  canva,
  clickup,
  cognito,
  databricks,
  deviantart,
  digitalocean,
  discord,
  docusign,
  dropbox,
  ecwid,
  egnyte,
  etsy,
  facebook,
  figma,
  github,
  gitlab,
  google,
  gumroad,
  hubspot,
  huggingface,
  imgur,
  instagram,
  intuit,
  keycloak,
  kick,
  lightspeed,
  linear,
  linkedin,
  mailchimp,
  mastodon,
  mercadolibre,
  microsoft,
  miro,
  monday,
  mural,
  notion,
  oauth2,
  oidc,
  okta,
  onelogin,
  patreon,
  pingone,
  pinterest,
  pipedrive,
  reddit,
  salesforce,
  shopify,
  slack,
  snapchat,
  spotify,
  squarespace,
  strava,
  stytch,
  threads,
  twitch,
  vimeo,
  webflow,
  wordpress,
  x,
  xero,
  yahoo,
  youtube,
  zitadel,
  zoho,
  zoom,
};

import type { ProviderSpecInput } from '@tokenvault/core';
import { aircall } from './presets/aircall.js';
import { airtable } from './presets/airtable.js';
import { asana } from './presets/asana.js';
import { atlassian } from './presets/atlassian.js';
import { attio } from './presets/attio.js';
import { bamboohr } from './presets/bamboohr.js';
import { bitbucket } from './presets/bitbucket.js';
import { box } from './presets/box.js';
import { brex } from './presets/brex.js';
import { calendly } from './presets/calendly.js';
import { capsule } from './presets/capsule.js';
import { clickup } from './presets/clickup.js';
import { close } from './presets/close.js';
import { deel } from './presets/deel.js';
import { digitalocean } from './presets/digitalocean.js';
import { discord } from './presets/discord.js';
import { docusign } from './presets/docusign.js';
import { dropbox } from './presets/dropbox.js';
import { dynamics365 } from './presets/dynamics365.js';
import { figma } from './presets/figma.js';
import { freshbooks } from './presets/freshbooks.js';
import { front } from './presets/front.js';
import { github } from './presets/github.js';
import { gitlab } from './presets/gitlab.js';
import { gocardless } from './presets/gocardless.js';
import { google } from './presets/google.js';
import { gorgias } from './presets/gorgias.js';
import { gusto } from './presets/gusto.js';
import { helpscout } from './presets/helpscout.js';
import { hubspot } from './presets/hubspot.js';
import { intercom } from './presets/intercom.js';
import { intuit } from './presets/intuit.js';
import { keap } from './presets/keap.js';
import { lever } from './presets/lever.js';
import { linear } from './presets/linear.js';
import { linkedin } from './presets/linkedin.js';
import { livechat } from './presets/livechat.js';
import { mailchimp } from './presets/mailchimp.js';
import { microsoft } from './presets/microsoft.js';
import { miro } from './presets/miro.js';
import { mollie } from './presets/mollie.js';
import { monday } from './presets/monday.js';
import { moneybird } from './presets/moneybird.js';
import { notion } from './presets/notion.js';
import { oauth2 } from './presets/oauth2.js';
import { oidc } from './presets/oidc.js';
import { okta } from './presets/okta.js';
import { onelogin } from './presets/onelogin.js';
import { pandadoc } from './presets/pandadoc.js';
import { paypal } from './presets/paypal.js';
import { pipedrive } from './presets/pipedrive.js';
import { ramp } from './presets/ramp.js';
import { reddit } from './presets/reddit.js';
import { sage } from './presets/sage.js';
import { salesforce } from './presets/salesforce.js';
import { salesloft } from './presets/salesloft.js';
import { shopify } from './presets/shopify.js';
import { slack } from './presets/slack.js';
import { spotify } from './presets/spotify.js';
import { square } from './presets/square.js';
import { strava } from './presets/strava.js';
import { stripe } from './presets/stripe.js';
import { sumup } from './presets/sumup.js';
import { teamleader } from './presets/teamleader.js';
import { twitch } from './presets/twitch.js';
import { x } from './presets/x.js';
import { xero } from './presets/xero.js';
import { zendesk } from './presets/zendesk.js';
import { zendeskSell } from './presets/zendesk-sell.js';
import { zenefits } from './presets/zenefits.js';
import { zoho } from './presets/zoho.js';
import { zohoCrm } from './presets/zoho-crm.js';
import { zoom } from './presets/zoom.js';

/**
 * Presets by id, one file each under presets/. A preset may leave out what only a configuration can say (the
 * tenant's issuer, a shop's endpoints); its `setup` note says what.
 */
export const presets: Readonly<Record<string, Partial<ProviderSpecInput>>> = {
  aircall,
  airtable,
  asana,
  atlassian,
  attio,
  bamboohr,
  bitbucket,
  box,
  brex,
  calendly,
  capsule,
  clickup,
  close,
  deel,
  digitalocean,
  discord,
  docusign,
  dropbox,
  dynamics365,
  figma,
  freshbooks,
  front,
  github,
  gitlab,
  gocardless,
  google,
  gorgias,
  gusto,
  helpscout,
  hubspot,
  intercom,
  intuit,
  keap,
  lever,
  linear,
  linkedin,
  livechat,
  mailchimp,
  microsoft,
  miro,
  mollie,
  monday,
  moneybird,
  notion,
  oauth2,
  oidc,
  okta,
  onelogin,
  pandadoc,
  paypal,
  pipedrive,
  ramp,
  reddit,
  sage,
  salesforce,
  salesloft,
  shopify,
  slack,
  spotify,
  square,
  strava,
  stripe,
  sumup,
  teamleader,
  twitch,
  x,
  xero,
  zendesk,
  'zendesk-sell': zendeskSell,
  zenefits,
  zoho,
  'zoho-crm': zohoCrm,
  zoom,
};

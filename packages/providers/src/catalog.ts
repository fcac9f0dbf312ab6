import type { ProviderSpecInput } from '@tokenvault/core';
import { adobe } from './presets/adobe.js';
import { airtable } from './presets/airtable.js';
import { amazon } from './presets/amazon.js';
import { asana } from './presets/asana.js';
import { atlassian } from './presets/atlassian.js';
import { attio } from './presets/attio.js';
import { auth0 } from './presets/auth0.js';
import { autodesk } from './presets/autodesk.js';
import { bamboohr } from './presets/bamboohr.js';
import { basecamp } from './presets/basecamp.js';
import { bentley } from './presets/bentley.js';
import { bitbucket } from './presets/bitbucket.js';
import { bitly } from './presets/bitly.js';
import { box } from './presets/box.js';
import { brex } from './presets/brex.js';
import { calendly } from './presets/calendly.js';
import { canva } from './presets/canva.js';
import { clickup } from './presets/clickup.js';
import { close } from './presets/close.js';
import { cognito } from './presets/cognito.js';
import { confluence } from './presets/confluence.js';
import { constantContact } from './presets/constant-contact.js';
import { dailymotion } from './presets/dailymotion.js';
import { databricks } from './presets/databricks.js';
import { deel } from './presets/deel.js';
import { deviantart } from './presets/deviantart.js';
import { dialpad } from './presets/dialpad.js';
import { digitalocean } from './presets/digitalocean.js';
import { discord } from './presets/discord.js';
import { docusign } from './presets/docusign.js';
import { dropbox } from './presets/dropbox.js';
import { dynamics365 } from './presets/dynamics365.js';
import { ecwid } from './presets/ecwid.js';
import { egnyte } from './presets/egnyte.js';
import { etsy } from './presets/etsy.js';
import { eventbrite } from './presets/eventbrite.js';
import { facebook } from './presets/facebook.js';
import { figma } from './presets/figma.js';
import { freeagent } from './presets/freeagent.js';
import { freshbooks } from './presets/freshbooks.js';
import { front } from './presets/front.js';
import { genesysCloud } from './presets/genesys-cloud.js';
import { gitea } from './presets/gitea.js';
import { github } from './presets/github.js';
import { githubApp } from './presets/github-app.js';
import { gitlab } from './presets/gitlab.js';
import { gmail } from './presets/gmail.js';
import { google } from './presets/google.js';
import { googleAds } from './presets/google-ads.js';
import { googleCalendar } from './presets/google-calendar.js';
import { googleChat } from './presets/google-chat.js';
import { googleDocs } from './presets/google-docs.js';
import { googleDrive } from './presets/google-drive.js';
import { googleMeet } from './presets/google-meet.js';
import { googleSheets } from './presets/google-sheets.js';
import { googleSlides } from './presets/google-slides.js';
import { googleTasks } from './presets/google-tasks.js';
import { gorgias } from './presets/gorgias.js';
import { gumroad } from './presets/gumroad.js';
import { gusto } from './presets/gusto.js';
import { helpscout } from './presets/helpscout.js';
import { heroku } from './presets/heroku.js';
import { hubspot } from './presets/hubspot.js';
import { huggingface } from './presets/huggingface.js';
import { imgur } from './presets/imgur.js';
import { instagram } from './presets/instagram.js';
import { intercom } from './presets/intercom.js';
import { intuit } from './presets/intuit.js';
import { jira } from './presets/jira.js';
import { keap } from './presets/keap.js';
import { keycloak } from './presets/keycloak.js';
import { klaviyo } from './presets/klaviyo.js';
import { lever } from './presets/lever.js';
import { lightspeed } from './presets/lightspeed.js';
import { linear } from './presets/linear.js';
import { linkedin } from './presets/linkedin.js';
import { livechat } from './presets/livechat.js';
import { mastodon } from './presets/mastodon.js';
import { mercadolibre } from './presets/mercadolibre.js';
import { microsoft } from './presets/microsoft.js';
import { microsoftOnenote } from './presets/microsoft-onenote.js';
import { microsoftTeams } from './presets/microsoft-teams.js';
import { microsoftTodo } from './presets/microsoft-todo.js';
import { miro } from './presets/miro.js';
import { mollie } from './presets/mollie.js';
import { monday } from './presets/monday.js';
import { moneybird } from './presets/moneybird.js';
import { notion } from './presets/notion.js';
import { oauth2 } from './presets/oauth2.js';
import { oidc } from './presets/oidc.js';
import { okta } from './presets/okta.js';
import { onedrive } from './presets/onedrive.js';
import { onelogin } from './presets/onelogin.js';
import { onshape } from './presets/onshape.js';
import { oura } from './presets/oura.js';
import { outlook } from './presets/outlook.js';
import { pagerduty } from './presets/pagerduty.js';
import { pandadoc } from './presets/pandadoc.js';
import { patreon } from './presets/patreon.js';
import { paypal } from './presets/paypal.js';
import { pingone } from './presets/pingone.js';
import { pinterest } from './presets/pinterest.js';
import { pipedrive } from './presets/pipedrive.js';
import { procore } from './presets/procore.js';
import { reddit } from './presets/reddit.js';
import { ringcentral } from './presets/ringcentral.js';
import { salesforce } from './presets/salesforce.js';
import { salesloft } from './presets/salesloft.js';
import { salla } from './presets/salla.js';
import { sharepoint } from './presets/sharepoint.js';
import { shopify } from './presets/shopify.js';
import { slack } from './presets/slack.js';
import { smartcar } from './presets/smartcar.js';
import { snapchatAds } from './presets/snapchat-ads.js';
import { snyk } from './presets/snyk.js';
import { soundcloud } from './presets/soundcloud.js';
import { spotify } from './presets/spotify.js';
import { square } from './presets/square.js';
import { strava } from './presets/strava.js';
import { stripe } from './presets/stripe.js';
import { stytch } from './presets/stytch.js';
import { sumup } from './presets/sumup.js';
import { surveymonkey } from './presets/surveymonkey.js';
import { teamleader } from './presets/teamleader.js';
import { threads } from './presets/threads.js';
import { todoist } from './presets/todoist.js';
import { tumblr } from './presets/tumblr.js';
import { twitch } from './presets/twitch.js';
import { vercel } from './presets/vercel.js';
import { vimeo } from './presets/vimeo.js';
import { wakatime } from './presets/wakatime.js';
import { webex } from './presets/webex.js';
import { webflow } from './presets/webflow.js';
import { whoop } from './presets/whoop.js';
import { wordpress } from './presets/wordpress.js';
import { wrike } from './presets/wrike.js';
import { x } from './presets/x.js';
import { xero } from './presets/xero.js';
import { yahoo } from './presets/yahoo.js';
import { yandex } from './presets/yandex.js';
import { youtube } from './presets/youtube.js';
import { zendesk } from './presets/zendesk.js';
import { zendeskSell } from './presets/zendesk-sell.js';
import { zettle } from './presets/zettle.js';
import { zitadel } from './presets/zitadel.js';
import { zoho } from './presets/zoho.js';
import { zohoCrm } from './presets/zoho-crm.js';
import { zohoDesk } from './presets/zoho-desk.js';
import { zohoPeople } from './presets/zoho-people.js';
import { zohoSalesiq } from './presets/zoho-salesiq.js';
import { zohoWorkdrive } from './presets/zoho-workdrive.js';
import { zoom } from './presets/zoom.js';

/**
 * Presets by id, one file each under presets/. A preset may leave out what only a configuration can say (the
 * tenant's issuer, a shop's endpoints); its `setup` note says what.
 */
export const presets: Readonly<Record<string, Partial<ProviderSpecInput>>> = {
  adobe,
  airtable,
  amazon,
  asana,
  atlassian,
  attio,
  auth0,
  autodesk,
  bamboohr,
  basecamp,
  bentley,
  bitbucket,
  bitly,
  box,
  brex,
  calendly,
  canva,
  clickup,
  close,
  cognito,
  confluence,
  'constant-contact': constantContact,
  dailymotion,
  databricks,
  deel,
  deviantart,
  dialpad,
  digitalocean,
  discord,
  docusign,
  dropbox,
  dynamics365,
  ecwid,
  egnyte,
  etsy,
  eventbrite,
  facebook,
  figma,
  freeagent,
  freshbooks,
  front,
  'genesys-cloud': genesysCloud,
  gitea,
  github,
  'github-app': githubApp,
  gitlab,
  gmail,
  google,
  'google-ads': googleAds,
  'google-calendar': googleCalendar,
  'google-chat': googleChat,
  'google-docs': googleDocs,
  'google-drive': googleDrive,
  'google-meet': googleMeet,
  'google-sheets': googleSheets,
  'google-slides': googleSlides,
  'google-tasks': googleTasks,
  gorgias,
  gumroad,
  gusto,
  helpscout,
  heroku,
  hubspot,
  huggingface,
  imgur,
  instagram,
  intercom,
  intuit,
  jira,
  keap,
  keycloak,
  klaviyo,
  lever,
  lightspeed,
  linear,
  linkedin,
  livechat,
  mastodon,
  mercadolibre,
  microsoft,
  'microsoft-onenote': microsoftOnenote,
  'microsoft-teams': microsoftTeams,
  'microsoft-todo': microsoftTodo,
  miro,
  mollie,
  monday,
  moneybird,
  notion,
  oauth2,
  oidc,
  okta,
  onedrive,
  onelogin,
  onshape,
  oura,
  outlook,
  pagerduty,
  pandadoc,
  patreon,
  paypal,
  pingone,
  pinterest,
  pipedrive,
  procore,
  reddit,
  ringcentral,
  salesforce,
  salesloft,
  salla,
  sharepoint,
  shopify,
  slack,
  smartcar,
  'snapchat-ads': snapchatAds,
  snyk,
  soundcloud,
  spotify,
  square,
  strava,
  stripe,
  stytch,
  sumup,
  surveymonkey,
  teamleader,
  threads,
  todoist,
  tumblr,
  twitch,
  vercel,
  vimeo,
  wakatime,
  webex,
  webflow,
  whoop,
  wordpress,
  wrike,
  x,
  xero,
  yahoo,
  yandex,
  youtube,
  zendesk,
  'zendesk-sell': zendeskSell,
  zettle,
  zitadel,
  zoho,
  'zoho-crm': zohoCrm,
  'zoho-desk': zohoDesk,
  'zoho-people': zohoPeople,
  'zoho-salesiq': zohoSalesiq,
  'zoho-workdrive': zohoWorkdrive,
  zoom,
};

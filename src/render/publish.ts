// `juno publish`: the page of the published folder (index.html), and what the command reports on stdout (the
// files written, or the same as JSON). The page is one self-contained HTML5 document: no script, nothing fetched
// from elsewhere, its style inline. Everything that comes from data is escaped (markup.ts, as in the SVG picture):
// none of it becomes markup.
import { longDay } from '../timeline/day.js';
import { oneLine } from '../timeline/text.js';
import { toJson, versionText } from './format.js';
import type { TextOrJson } from './formats.js';
import { escapeXml } from './markup.js';
import type { Render } from './render.js';
import { type PublishedFeed, type PublishedFile, type PublishView, publishJson } from './views/publish.js';

/** A link; `href` is one juno made (a file name, or an address under `--url`), escaped all the same. */
const link = (href: string, text: string) => `<a href="${escapeXml(href)}">${escapeXml(text)}</a>`;

/** A day as the page shows it: `<time datetime="2027-03-24">Wed 24 Mar 2027</time>`. */
const day = (value: string) => `<time datetime="${escapeXml(value)}">${escapeXml(longDay(value))}</time>`;

/** Light and dark, readable on a phone; the table scrolls sideways rather than squeezing its columns. */
const STYLE = `
body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 62rem; padding: 1rem; color: #1d1d1f; background: #fff; }
a { color: #0b57d0; }
h1 { font-size: 1.7rem; margin: 0.5rem 0; }
h2 { font-size: 1.25rem; margin-top: 2rem; }
code { font: 0.9em ui-monospace, monospace; overflow-wrap: anywhere; }
.feeds { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.35rem 0.6rem; border-bottom: 1px solid #ddd; }
thead th { border-bottom: 2px solid #bbb; }
td:nth-child(2), td:nth-child(3) { white-space: nowrap; }
.name { display: block; font-weight: normal; font-size: 0.85em; color: #555; }
.planned, .note, footer { color: #555; }
dt { font-weight: bold; margin-top: 0.7rem; }
dd { margin-left: 1.2rem; }
footer { margin-top: 2.5rem; font-size: 0.85em; }
@media (prefers-color-scheme: dark) {
  body { color: #e8e8e8; background: #161616; }
  a { color: #8ab4f8; }
  th, td { border-color: #444; }
  .name, .planned, .note, footer { color: #aaa; }
}
`;

/** Where a feed is, as a table cell or a paragraph: the link, and with `--url` the address to paste and webcal. */
function feedLinks(feed: PublishedFile): string {
  const parts = [link(feed.url ?? feed.file, feed.file)];
  if (feed.webcal !== null) parts.push(link(feed.webcal, 'webcal'));
  const address = feed.url === null ? '' : `<br /><code>${escapeXml(feed.url)}</code>`;
  return `${parts.join(' · ')}${address}`;
}

function feedRow(feed: PublishedFeed): string {
  const planned = feed.planned ? ' <span class="planned">(planned)</span>' : '';
  return [
    '<tr>',
    `<th scope="row">${escapeXml(feed.series)}<span class="name">${escapeXml(feed.name)}</span></th>`,
    `<td>${escapeXml(versionText(feed))}</td>`,
    `<td>${day(feed.release)}${planned}</td>`,
    `<td>${escapeXml(feed.status)}</td>`,
    `<td>${feedLinks(feed)}</td>`,
    '</tr>',
  ].join('');
}

/** Where the data came from, in a sentence. */
function dataSentence(view: PublishView): string {
  const { snapshot } = view;
  if (snapshot === null)
    return 'Each status is the one the series list records; a date after it may still move.';
  const source = /^https?:\/\/[^\s"<>]+$/.test(snapshot.source)
    ? link(snapshot.source, 'openstack/releases')
    : escapeXml(snapshot.source);
  return `Data: ${source} at commit <code>${escapeXml(snapshot.commit)}</code> of ${day(snapshot.date)}. Each status is the one on that day, and a date after it is upstream's plan.`;
}

/** How to subscribe in each calendar app, with the address `--url` gave, or how to find it. */
function subscribeSection(view: PublishView): string[] {
  const withUrl = view.url !== null;
  const address = withUrl
    ? 'Copy the address of the calendar you want (shown under its link), then add it to your calendar app.'
    : "Each calendar is added by its full web address: the address of this page with <code>index.html</code> replaced by the calendar's file name. Right-click its link and copy the link's address.";
  const webcal = withUrl
    ? 'A <code>webcal://</code> link above opens your default calendar app (Apple Calendar, Outlook and others), which offers to subscribe.'
    : 'A <code>webcal://</code> link (the address with <code>https://</code> replaced by <code>webcal://</code>) opens your default calendar app, which offers to subscribe.';
  const google = `On the web: Other calendars → + → From URL, paste the address, then Add calendar. Google fetches it from its own servers, so it needs a public <code>https://</code> address${withUrl && !/^https:/.test(view.url as string) ? ' (this folder is served over http)' : ''}, and refreshes it when it chooses (up to a day or more).`;
  const clients: [string, string][] = [
    [
      'Thunderbird',
      'In the calendar: New Calendar… → On the Network, paste the address as the location, then Find Calendars → Subscribe.',
    ],
    [
      'GNOME Calendar',
      'Manage Calendars → Add Calendar…, paste the address under From the Web (Calendar URL), then Add.',
    ],
    [
      'Apple Calendar',
      'File → New Calendar Subscription…, paste the address, Subscribe, and choose how often to refresh. On iPhone and iPad: Settings → Calendar → Accounts → Add Account → Other → Add Subscribed Calendar.',
    ],
    ['Google Calendar', google],
    ['Outlook', 'Outlook on the web: Add calendar → Subscribe from web, paste the address, then Import.'],
    ['webcal:// links', webcal],
  ];
  return [
    '<h2 id="subscribe">How to subscribe</h2>',
    `<p>${address} Subscribing, rather than importing the file once, keeps the calendar up to date: an event whose date moves is moved, not added twice.</p>`,
    '<dl>',
    ...clients.map(([name, how]) => `<dt>${escapeXml(name)}</dt><dd>${how}</dd>`),
    '</dl>',
    `<p class="note">Subscribe to ${escapeXml(view.all.file)} or to the series you follow, not both: the same events would show twice.</p>`,
  ];
}

/** index.html: the feeds, newest series first, and how to subscribe. */
export function renderPublishIndex(view: PublishView): string {
  const title = escapeXml(view.title);
  const newestFirst = [...view.feeds].reverse();
  const lines = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8" />',
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    `<meta name="generator" content="juno ${escapeXml(view.version)}" />`,
    `<title>${title}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${title}</h1>`,
    `<p>Calendar feeds (iCalendar) of every OpenStack release cycle: one all-day event per milestone, freeze, release candidate, release and summit, each named after its series. Subscribe in your calendar app and it keeps them up to date.</p>`,
    `<p>${dataSentence(view)}</p>`,
    '<h2 id="all">Every series in one calendar</h2>',
    `<p>${feedLinks(view.all)}</p>`,
    `<p class="note">${escapeXml(view.all.description)}</p>`,
    '<h2 id="series">One calendar per series</h2>',
    '<div class="feeds">',
    '<table>',
    '<thead><tr><th scope="col">Series</th><th scope="col">Version</th><th scope="col">Release</th><th scope="col">Status</th><th scope="col">Calendar</th></tr></thead>',
    '<tbody>',
    ...newestFirst.map(feedRow),
    '</tbody>',
    '</table>',
    '</div>',
    ...subscribeSection(view),
    '</main>',
    `<footer>Published with juno ${escapeXml(view.version)}.</footer>`,
    '</body>',
    '</html>',
    '',
  ];
  return lines.join('\n');
}

/** What the command prints: each file written, one path a line (index.html last), or the report as JSON. */
export const publishRenderers = {
  text: (view) => [...view.feeds, view.all, view.index].map((file) => `${oneLine(file.path)}\n`).join(''),
  json: (view) => toJson(publishJson(view)),
} satisfies Record<TextOrJson, Render<PublishView>>;

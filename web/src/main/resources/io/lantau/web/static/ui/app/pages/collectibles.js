// Collectibles: what the profile allows (GET /collectibles/rules), the signed-in collector's holdings, the open
// listings where resale is allowed, and a page per collection and per item with its media (by SHA-256, drawn from the
// bytes the platform stores), its provenance (the core's events) and the AI-generated label where it applies.
// Routes: #/collectibles, #/collectibles/collection/ID, #/collectibles/item/ID, #/collectibles/drop/ID (a drop: supply,
// price, countdown, entry; after the draw the revealed seed and the commitment, recomputed in the browser). The platform has no public index of
// collections, so the gallery starts from what the collector holds and what is on sale, and links from there.
import { native, ApiError } from '../api.js';
import { h, clear, statusLine, showStatus } from '../dom.js';
import { t } from '../i18n.js';
import { dropPage } from './collectibles-drop.js';
import { itemActions } from './collectibles-trade.js';

const IMAGE = /^image\/(png|jpeg|gif|webp)$/;

/** The item's media drawn from its stored bytes (images only; other kinds are named, with a link to the bytes). */
async function mediaView(sha256, alt) {
  const box = h('div.media', { dataset: { sha256 } });
  try {
    const m = await native('GET', `/collectibles/media/${sha256}`);
    const url = `data:${m.contentType};base64,${m.contentBase64}`;
    box.append(IMAGE.test(m.contentType) ? h('img.collectible', { src: url, alt })
      : h('a', { href: url, download: sha256, text: `${m.contentType} · ${t('collectibles.download')}` }));
  } catch (e) {
    box.append(h('p.hint', { text: e.message }));
  }
  return box;
}

function itemLink(id, text) {
  return h('a', { href: `#/collectibles/item/${id}`, text });
}

function aiLabel(item) {
  if (!item.aiGenerated) return null;
  // The label is the platform's own text (it names the tool and the creator); the tag before it is translated.
  return h('p.ai-label#item-ai-label', { role: 'note' }, h('span.tag', { i18n: 'collectibles.aiTag' }), ' ',
    h('span', { text: item.aiLabel || '' }));
}

export async function mount(view, kind, id) {
  const status = statusLine('collectibles-status');
  const page = h('section.page');
  view.append(page);
  try {
    if (kind === 'item' && /^\d+$/.test(id || '')) await itemPage(page, id);
    else if (kind === 'drop' && /^\d+$/.test(id || '')) return await dropPage(page, id);
    else if (kind === 'collection' && /^\d+$/.test(id || '')) await collectionPage(page, id);
    else await gallery(page);
  } catch (e) {
    page.append(status);
    showStatus(status, e instanceof ApiError && e.status === 404 ? t('collectibles.notFound') : e.message);
  }
}

async function gallery(page) {
  const [rules, holdings] = await Promise.all([native('GET', '/collectibles/rules'), native('GET', '/collectibles/holdings')]);
  const yes = (b) => t(b ? 'console.yes' : 'console.no');
  page.append(h('h1', { i18n: 'collectibles.title' }),
    h('section.panel#collectibles-rules', { 'aria-labelledby': 'rules-h' }, h('h2#rules-h', { i18n: 'collectibles.rules' }),
      h('dl.facts', {}, h('dt', { i18n: 'collectibles.resale' }), h('dd#rule-resale', { text: yes(rules.secondaryMarket) }),
        h('dt', { i18n: 'collectibles.gifting' }), h('dd', { text: yes(rules.giftingAllowed) }),
        h('dt', { i18n: 'collectibles.export' }), h('dd', { text: yes(rules.exportToPublicChain) }),
        h('dt', { i18n: 'collectibles.currencies' }), h('dd', { text: rules.allowedCurrencies.join(', ') }),
        h('dt', { i18n: 'collectibles.minimumAge' }), h('dd', { text: String(rules.buyerMinimumAgeYears) }))),
    h('section.panel#collectibles-holdings', { 'aria-labelledby': 'hold-h' }, h('h2#hold-h', { i18n: 'collectibles.holdings' }),
      holdings.length ? h('ul.tiles', {}, holdings.map((x) => h('li', { dataset: { itemId: x.itemId } },
        itemLink(x.itemId, `#${x.itemId}`), h('span.hint', { text: ` ${x.acquiredHow} · ${new Date(x.acquiredAt).toLocaleDateString()}` }))))
        : h('p', { i18n: 'collectibles.noHoldings' })));
  if (rules.secondaryMarket) {
    const listings = await native('GET', '/collectibles/listings');
    page.append(h('section.panel#collectibles-listings', { 'aria-labelledby': 'list-h' }, h('h2#list-h', { i18n: 'collectibles.listings' }),
      listings.length ? h('ul.tiles', {}, listings.map((l) => h('li', {}, itemLink(l.itemId, `#${l.itemId}`),
        h('span', { text: ` ${l.price} ${l.currency}` })))) : h('p', { i18n: 'panel.none' })));
  }
}

async function collectionPage(page, id) {
  const c = await native('GET', `/collectibles/collections/${id}`);
  const tiles = h('ul.tiles.gallery#collection-items');
  page.append(h('p', {}, h('a', { href: '#/collectibles', i18n: 'collectibles.back' })),
    h('h1#collection-name', { text: c.name }), h('p', { text: c.description || '' }),
    h('dl.facts', {}, h('dt', { i18n: 'collectibles.category' }), h('dd', { text: c.category }),
      h('dt', { i18n: 'collectibles.royalty' }), h('dd', { text: `${(c.royaltyBps / 100).toFixed(2)}%` }),
      h('dt', { i18n: 'collectibles.issuer' }), h('dd', { text: String(c.issuerAccountId) })),
    h('h2', { i18n: 'collectibles.items' }), tiles);
  for (const item of c.items) {
    tiles.append(h('li.tile', { dataset: { itemId: item.id } }, await mediaView(item.mediaSha256, item.title),
      itemLink(item.id, `${item.title} · #${item.edition}`), item.aiGenerated ? h('span.tag', { i18n: 'collectibles.aiTag' }) : null));
  }
  if (!c.items.length) tiles.append(h('li', { i18n: 'panel.none' }));
}

async function itemPage(page, id) {
  const [item, provenance] = await Promise.all([native('GET', `/collectibles/items/${id}`),
    native('GET', `/collectibles/items/${id}/provenance`)]);
  page.append(h('p', {}, h('a', { href: `#/collectibles/collection/${item.collectionId}`, i18n: 'collectibles.toCollection' })),
    h('h1#item-title', { text: `${item.title} · #${item.edition}` }),
    h('div.grid2.item', {}, await mediaView(item.mediaSha256, item.title),
      h('div', {}, aiLabel(item), h('dl.facts', {},
        h('dt', { i18n: 'collectibles.owner' }), item.ownerId === undefined ? h('dd#item-owner', { i18n: 'collectibles.notMinted' })
          : h('dd#item-owner', { text: String(item.ownerId) }),
        h('dt', { i18n: 'collectibles.sha256' }), h('dd', {}, h('code.wrap', { text: item.mediaSha256 })),
        h('dt', { i18n: 'collectibles.cid' }), h('dd', {}, h('code.wrap', { text: item.mediaCid })),
        item.likenessRights ? [h('dt', { i18n: 'collectibles.likeness' }), h('dd', { text: item.likenessRights })] : null,
        item.locked ? [h('dt', { i18n: 'collectibles.locked' }), h('dd', { text: item.locked })] : null),
      await itemActions(item))),
    h('section.panel#item-provenance', { 'aria-labelledby': 'prov-h' }, h('h2#prov-h', { i18n: 'collectibles.provenance' }),
      h('div.table-wrap', {}, h('table', {}, h('thead', {}, h('tr', {}, ['collectibles.event', 'collectibles.from', 'collectibles.to',
        'collectibles.price', 'collectibles.when', 'collectibles.sequence'].map((k) => h('th', { scope: 'col', i18n: k })))),
      h('tbody', {}, provenance.length ? provenance.map((e) => h('tr', {}, h('td', { text: e.kind }),
        h('td', { text: e.from === null || e.from === undefined ? '' : String(e.from) }),
        h('td', { text: e.to === null || e.to === undefined ? '' : String(e.to) }),
        h('td.num', { text: e.price ? `${e.price} ${e.currency}` : '' }), h('td', { text: new Date(e.at).toLocaleString() }),
        h('td.num', { text: String(e.sequence) }))) : h('tr', {}, h('td.empty', { colspan: 6, i18n: 'panel.none' })))))));
}

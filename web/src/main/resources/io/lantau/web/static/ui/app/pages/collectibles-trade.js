// What a signed-in collector can do with an item, as far as the profile allows (GET /collectibles/rules): where
// resale is allowed (HK_VATP, OPEN) the owner lists it for sale or withdraws the listing, and anyone else buys a
// listing or makes an offer; where gifting is allowed the owner gives it to another verified account (CN-06: a gift
// has no price). Where the profile forbids resale (CN-03) no listing, offer or buy control is shown at all.
import { native } from '../api.js';
import { h, field, statusLine, showStatus } from '../dom.js';
import { t } from '../i18n.js';
import { currentUser } from '../session.js';

function priceForm(id, titleKey, buttonKey, currencies, send) {
  const currency = h(`select#${id}-currency`, {}, currencies.map((c) => h('option', { value: c, text: c })));
  const price = h(`input#${id}-price`, { type: 'text', inputmode: 'decimal', pattern: '[0-9]+(\\.[0-9]+)?', required: true, autocomplete: 'off' });
  const status = statusLine(`${id}-status`);
  return h(`form.panel#${id}`, {
    onsubmit: async (ev) => {
      ev.preventDefault();
      try {
        await send({ currency: currency.value, price: price.value.trim() });
        showStatus(status, t(`${id === 'item-offer' ? 'itemAction.offerMade' : 'itemAction.listed'}`), 'ok');
      } catch (e) {
        showStatus(status, e.message);
      }
    },
  }, h('h2', { i18n: titleKey }), field('itemAction.currency', currency), field('itemAction.price', price),
  h('button', { type: 'submit', id: `${id}-submit`, i18n: buttonKey }), status);
}

/** @return the action panels for the item page (none for a visitor, an unminted item or a locked item). */
export async function itemActions(item) {
  const user = currentUser();
  if (!user || item.ownerId === undefined) return null;
  const rules = await native('GET', '/collectibles/rules');
  const mine = Number(item.ownerId) === Number(user.userId);
  const box = h('div#item-actions');
  const reload = () => window.dispatchEvent(new HashChangeEvent('hashchange'));
  if (rules.secondaryMarket) {
    const listings = (await native('GET', '/collectibles/listings')).filter((l) => Number(l.itemId) === Number(item.id));
    for (const l of listings) {
      const status = statusLine(`listing-${l.id}-status`);
      const act = async (method, path, done) => {
        try {
          await native(method, path, method === 'POST' ? {} : undefined);
          showStatus(status, t(done), 'ok');
          setTimeout(reload, 800);
        } catch (e) {
          showStatus(status, e.message);
        }
      };
      box.append(h('section.panel.listing', { dataset: { listingId: l.id } }, h('h2', { i18n: 'itemAction.onSale' }),
        h('p.num', { text: `${l.price} ${l.currency}` }),
        mine ? h('button.cancel-listing', { type: 'button', i18n: 'itemAction.cancelListing', onclick: () => act('DELETE', `/collectibles/listings/${l.id}`, 'itemAction.listingCancelled') })
          : h('button.buy', { type: 'button', i18n: 'itemAction.buy', onclick: () => act('POST', `/collectibles/listings/${l.id}/buy`, 'itemAction.bought') }),
        status));
    }
    if (mine && !item.locked && !listings.length) {
      box.append(priceForm('item-list', 'itemAction.listTitle', 'itemAction.listButton', rules.allowedCurrencies,
        (p) => native('POST', '/collectibles/listings', { itemId: Number(item.id), ...p }).then(() => setTimeout(reload, 800))));
    }
    if (!mine) {
      box.append(priceForm('item-offer', 'itemAction.offerTitle', 'itemAction.offerButton', rules.allowedCurrencies,
        (p) => native('POST', '/collectibles/offers', { itemId: Number(item.id), ...p })));
    }
  }
  if (mine && rules.giftingAllowed && !item.locked) {
    const recipient = h('input#item-gift-recipient', { type: 'text', inputmode: 'numeric', pattern: '[0-9]+', required: true, autocomplete: 'off' });
    const status = statusLine('item-gift-status');
    box.append(h('form.panel#item-gift', {
      onsubmit: async (ev) => {
        ev.preventDefault();
        try {
          await native('POST', `/collectibles/items/${item.id}/gift`, { recipientAccountId: Number(recipient.value) });
          showStatus(status, t('itemAction.gifted'), 'ok');
        } catch (e) {
          showStatus(status, e.message);
        }
      },
    }, h('h2', { i18n: 'itemAction.giftTitle' }), h('p.hint', { i18n: rules.secondaryMarket ? 'itemAction.giftHint' : 'itemAction.giftOnlyHint' }),
    field('itemAction.recipient', recipient), h('button#item-gift-submit', { type: 'submit', i18n: 'itemAction.giftButton' }), status));
  }
  return box.childElementCount ? box : null;
}

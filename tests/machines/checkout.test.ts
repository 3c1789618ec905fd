// Checkout in the session machine: contact, placing the order through the provided client,
// retries with the same idempotency key, refusals, and starting from a shared design.
import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor, type Actor } from 'xstate';
import { compileRules, encodeShareToken, restoreSharedDesign, type CatalogEntry } from '../../src/domain/index.ts';
import { checkoutMachine, configuratorMachine, contactProblems, OrderSubmissionError, type OrderSubmission, type PlacedOrder } from '../../src/machines/index.ts';
import { loadCatalogFromDisk } from '../../src/server/catalogFiles.ts';

const entry: CatalogEntry = loadCatalogFromDisk(process.cwd()).entries.find((candidate) => candidate.product.id === 'sneaker')!;
const space = compileRules(entry.product, entry.ruleSet);

/** A shop that answers each submission with the next outcome of the list. */
function shop(outcomes: readonly ('ok' | 'unreachable' | 'refused')[], product: { entry: CatalogEntry; space: typeof space } = { entry, space }) {
  const received: OrderSubmission[] = [];
  let key = 0;
  const placeOrder = fromPromise<PlacedOrder, OrderSubmission>(async ({ input }) => {
        received.push(input);
        const outcome = outcomes[received.length - 1] ?? 'ok';
        if (outcome === 'unreachable') throw new OrderSubmissionError('The shop could not be reached: check your connection.', true);
        if (outcome === 'refused') throw new OrderSubmissionError('The price changed: the pair now costs €140.00.', false);
        return { id: 'order-id', orderNumber: `ATL-00000${received.length}`, total: input.body.clientPrice.total, currency: 'EUR', leadTimeDays: 10, email: input.body.contact.email };
  });
  // The checkout is the session's child: the network is provided to it, where the order is placed.
  const machine = configuratorMachine.provide({ actors: { checkout: checkoutMachine.provide({ actors: { placeOrder } }) } });
  const actor = createActor(machine, { input: { ...product, newIdempotencyKey: () => `key-${++key}` } }).start();
  return { actor, received };
}

/** The session's checkout, where size, quantity, contact and the order live. */
function checkoutOf(actor: Actor<typeof configuratorMachine>) {
  return actor.getSnapshot().context.checkout.getSnapshot();
}

function readyToOrder(actor: ReturnType<typeof shop>['actor']) {
  actor.send({ type: 'option.select', attribute: 'vamp.material', option: 'suede' });
  actor.send({ type: 'design.review' });
  actor.send({ type: 'review.size', sizeId: 'eu-42' });
  actor.send({ type: 'review.quantity', quantity: 2 });
  actor.send({ type: 'checkout.contact', contact: { name: ' Ada Lovelace ', email: 'ada@example.com' } });
  actor.send({ type: 'checkout.address', address: { line1: ' 1 Rue de Rivoli ', line2: '', city: 'Paris', postalCode: '75001', country: 'FR' } });
}

describe('placing an order', () => {
  it('sends the design, size, quantity, contact and shown price, and confirms the order number', async () => {
    const { actor, received } = shop(['ok']);
    readyToOrder(actor);
    actor.send({ type: 'order.submit', previewImages: [{ view: 'side', dataUrl: 'data:image/png;base64,AAAA' }] });
    // The checkout is on its way: busy, and the review cannot be left.
    expect(checkoutOf(actor).hasTag('busy')).toBe(true);
    expect(actor.getSnapshot().can({ type: 'review.back' })).toBe(false);
    await waitFor(actor, (snapshot) => snapshot.matches('ordered'));
    const [submission] = received;
    expect(submission).toMatchObject({
      idempotencyKey: 'key-1',
      body: {
        size: { id: 'eu-42' }, quantity: 2, contact: { name: 'Ada Lovelace', email: 'ada@example.com' },
        shippingAddress: { line1: '1 Rue de Rivoli', line2: '', city: 'Paris', postalCode: '75001', country: 'FR' },
        clientPrice: { unitTotal: 13400, total: 26800, currency: 'EUR' },
        previewImages: [{ view: 'side' }],
        design: { productId: 'sneaker', rulesVersion: entry.rulesVersion, chosenByCustomer: ['vamp.material'] },
      },
    });
    const { context } = actor.getSnapshot();
    expect(checkoutOf(actor).context.placedOrder?.orderNumber).toBe('ATL-000001');
    expect(context.announcement).toContain('Order ATL-000001 sent to the shop');
    expect(context.announcement).toContain('The shop confirms it and asks for payment');
  });

  it('sends the size by its id, whatever the product\'s size systems: a t-shirt\'s letter size', async () => {
    const tshirt = loadCatalogFromDisk(process.cwd()).entries.find((candidate) => candidate.product.id === 'tshirt')!;
    const { actor, received } = shop(['ok'], { entry: tshirt, space: compileRules(tshirt.product, tshirt.ruleSet) });
    const medium = tshirt.product.sizes.find((size) => size.codes.letter === 'M')!;
    actor.send({ type: 'design.review' });
    actor.send({ type: 'review.size', sizeId: medium.id });
    actor.send({ type: 'checkout.contact', contact: { name: 'Ada Lovelace', email: 'ada@example.com' } });
    actor.send({ type: 'checkout.address', address: { line1: '1 Rue de Rivoli', line2: '', city: 'Paris', postalCode: '75001', country: 'FR' } });
    actor.send({ type: 'order.submit', previewImages: [] });
    await waitFor(actor, (snapshot) => snapshot.matches('ordered'));
    expect(received[0]!.body.size).toEqual({ id: medium.id });
  });

  it('does not send an order without size and contact, and says what is missing', () => {
    const { actor, received } = shop(['ok']);
    actor.send({ type: 'design.review' });
    actor.send({ type: 'checkout.contact', contact: { name: 'Ada', email: 'ada-at-example' } });
    actor.send({ type: 'order.submit' });
    expect(received).toHaveLength(0);
    const { context, value } = actor.getSnapshot();
    expect(value).toBe('reviewing');
    expect(checkoutOf(actor).context.checkoutAttempted).toBe(true);
    expect(checkoutOf(actor).context.checkoutFailures).toBe(1);
    expect(context.announcement).toMatch(/Choose your size\..*not an email address/);
  });

  it.each(['<script>@x.com', 'a@[127.0.0.1]', 'a@-b.com', 'ada\u0000@example.com'])('refuses the email address %j with the shared rule\'s reason', (email) => {
    expect(contactProblems({ name: 'Ada', email }).email).toMatch(/is not an email address: .+\. It should look like name@example\.com\./);
  });

  it.each(['ada+shoes@mail.example.co.uk', 'user@xn--bcher-kva.de'])('accepts the email address %j', (email) => {
    expect(contactProblems({ name: 'Ada', email })).toEqual({});
  });

  it('refuses a name with a control character, as the server does', () => {
    expect(contactProblems({ name: 'Ada\u0007', email: 'ada@example.com' }).name).toMatch(/control character/);
    expect(contactProblems({ name: 'x'.repeat(201), email: 'ada@example.com' }).name).toBe('Shorten the name to 200 characters (it has 201).');
  });

  it('refuses an email address longer than 254 characters, as the server does', () => {
    expect(contactProblems({ name: 'Ada', email: `${'a'.repeat(60)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.example.com` }).email).toMatch(/more than the 254/);
  });

  it('does not send an order the server would refuse for its shape, and says why in the server\'s words', () => {
    const { actor, received } = shop(['ok']);
    readyToOrder(actor);
    const image = { view: 'side', dataUrl: 'data:image/png;base64,AAAA' };
    actor.send({ type: 'order.submit', previewImages: [image, image, image, image, { ...image, view: 'Top View' }] });
    expect(received).toHaveLength(0);
    expect(actor.getSnapshot().value).toEqual('reviewing');
    expect(checkoutOf(actor).value).toEqual('details');
    expect(checkoutOf(actor).context.submitError).toEqual({
      message: 'The order cannot be sent: previewImages[4].view: "view" must be a short lower-case name such as "side", not the text "Top View". Name the view in lower case letters, digits and dashes. (1 more problem.)',
      retryable: false,
    });
    actor.send({ type: 'order.submit', previewImages: [image] });
    expect(received).toHaveLength(1);
  });

  it('retries an unreachable shop with the same key and body, so the order is never placed twice', async () => {
    const { actor, received } = shop(['unreachable', 'ok']);
    readyToOrder(actor);
    actor.send({ type: 'order.submit', previewImages: [{ view: 'side', dataUrl: 'data:image/png;base64,AAAA' }] });
    await waitFor(actor.getSnapshot().context.checkout, (snapshot) => snapshot.context.submitError !== null);
    expect(checkoutOf(actor).context.submitError).toEqual({ message: 'The shop could not be reached: check your connection.', retryable: true });
    actor.send({ type: 'order.submit', previewImages: [{ view: 'side', dataUrl: 'data:image/png;base64,BBBB' }] });
    await waitFor(actor, (snapshot) => snapshot.matches('ordered'));
    expect(received).toHaveLength(2);
    expect(received[1]).toEqual(received[0]);
  });

  it('makes a new order (new key) once the customer changes anything after a failure', async () => {
    const { actor, received } = shop(['refused', 'ok']);
    readyToOrder(actor);
    actor.send({ type: 'order.submit' });
    await waitFor(actor.getSnapshot().context.checkout, (snapshot) => snapshot.context.submitError !== null);
    expect(checkoutOf(actor).context.submitError?.retryable).toBe(false);
    actor.send({ type: 'review.quantity', quantity: 1 });
    actor.send({ type: 'order.submit' });
    await waitFor(actor, (snapshot) => snapshot.matches('ordered'));
    expect(received.map((submission) => submission.idempotencyKey)).toEqual(['key-1', 'key-2']);
    expect(received[1]!.body.quantity).toBe(1);
  });

  it('ignores changes while the order is on its way, then starts a new design on request', async () => {
    const { actor } = shop(['ok']);
    readyToOrder(actor);
    actor.send({ type: 'order.submit' });
    actor.send({ type: 'review.quantity', quantity: 5 });
    actor.send({ type: 'review.back' });
    expect(checkoutOf(actor).context.quantity).toBe(2);
    expect(actor.getSnapshot().value).toBe('reviewing');
    await waitFor(actor, (snapshot) => snapshot.matches('ordered'));
    actor.send({ type: 'design.new' });
    const { context, value } = actor.getSnapshot();
    expect(value).toBe('editing');
    expect(context.history.present.choices).toEqual([]);
    expect(checkoutOf(actor).context.placedOrder).toBeNull();
    expect(checkoutOf(actor).context.quantity).toBe(1);
    // Who and where stay for the next order.
    expect(checkoutOf(actor).context.contact.email).toBe('ada@example.com');
  });

  it('counts every failed attempt, here or at the shop, so the review can move focus to the first problem', async () => {
    const { actor } = shop(['unreachable']);
    actor.send({ type: 'design.review' });
    actor.send({ type: 'order.submit' });
    expect(checkoutOf(actor).context.checkoutFailures).toBe(1);
    readyToOrder(actor);
    actor.send({ type: 'order.submit' });
    await waitFor(actor.getSnapshot().context.checkout, (snapshot) => snapshot.context.submitError !== null);
    expect(checkoutOf(actor).context.checkoutFailures).toBe(2);
    expect(actor.getSnapshot().context.announcement).toBe('The shop could not be reached: check your connection. You can try again.');
  });

  it('makes a new order (new key) when the design changed after a failure, and the same one when it did not', async () => {
    const { actor, received } = shop(['unreachable', 'unreachable', 'ok']);
    readyToOrder(actor);
    actor.send({ type: 'order.submit' });
    await waitFor(actor.getSnapshot().context.checkout, (snapshot) => snapshot.context.submitError !== null);
    // Back to the design and into the review again without a change: still the same order.
    actor.send({ type: 'review.back' });
    actor.send({ type: 'design.review' });
    actor.send({ type: 'order.submit' });
    await waitFor(actor.getSnapshot().context.checkout, (snapshot) => snapshot.matches('details') && received.length === 2);
    actor.send({ type: 'review.back' });
    actor.send({ type: 'option.select', attribute: 'laces.colour', option: 'red' });
    actor.send({ type: 'design.review' });
    actor.send({ type: 'order.submit' });
    await waitFor(actor, (snapshot) => snapshot.matches('ordered'));
    expect(received.map((submission) => submission.idempotencyKey)).toEqual(['key-1', 'key-1', 'key-2']);
    expect(received[2]!.body.design.chosenByCustomer).toContain('laces.colour');
  });

  it('says ordering is not connected when no client is provided', async () => {
    const actor = createActor(configuratorMachine, { input: { entry, space } }).start();
    readyToOrder(actor);
    actor.send({ type: 'order.submit' });
    await waitFor(actor.getSnapshot().context.checkout, (snapshot) => snapshot.context.submitError !== null);
    expect(checkoutOf(actor).context.submitError).toEqual({ message: expect.stringContaining('export the order file'), retryable: false });
  });
});

describe('starting from a shared design', () => {
  it('restores exactly the shared design, with the customer\'s choices still marked as theirs', () => {
    const first = createActor(configuratorMachine, { input: { entry, space } }).start();
    first.send({ type: 'preset.apply', presetId: entry.product.presets[1]!.id });
    first.send({ type: 'option.select', attribute: 'laces.colour', option: first.getSnapshot().context.summary.attributes.get('laces.colour')!.options.filter((status) => status.available).at(-1)!.option.id });
    const shared = first.getSnapshot().context;
    const token = encodeShareToken(entry.product, entry.rulesVersion, shared.summary.resolved.assignment, shared.history.present.choices.map((choice) => choice.attribute));
    const restored = restoreSharedDesign(entry, space, token);
    if ('error' in restored) throw new Error(restored.error);
    expect(restored.changes).toEqual([]);
    const second = createActor(configuratorMachine, { input: { entry, space, choices: restored.choices, startedFrom: restored.suggested } }).start();
    const context = second.getSnapshot().context;
    expect(context.summary.resolved.assignment).toEqual(shared.summary.resolved.assignment);
    expect(context.summary.resolved.values.get('laces.colour')!.provenance).toBe('customer');
    expect(context.summary.resolved.values.get('toeCap.material')!.provenance).toBe('default');
    second.send({ type: 'design.reset' });
    expect(second.getSnapshot().context.summary.resolved.assignment).toEqual(createActor(configuratorMachine, { input: { entry, space } }).start().getSnapshot().context.summary.resolved.assignment);
  });
});

describe('personal text', () => {
  it('checks every keystroke, undoes a typed word in one step, and orders the text with its style and price', async () => {
    const { actor, received } = shop(['ok']);
    for (const text of ['A', 'AD', 'ADA']) actor.send({ type: 'personalisation.edit', key: 'heelText', value: text });
    actor.send({ type: 'personalisation.edit', key: 'heelText.colour', value: 'black' });
    let status = actor.getSnapshot().context.summary.personalisation.find((candidate) => candidate.field.id === 'heelText')!;
    expect(status.check?.problems).toEqual([]);
    expect(actor.getSnapshot().context.summary.price.unitTotal).toBe(11900 + 500);
    actor.send({ type: 'history.undo' });
    actor.send({ type: 'history.undo' });
    expect(actor.getSnapshot().context.history.present.personalisation?.heelText ?? '').toBe('');
    actor.send({ type: 'history.redo' });
    actor.send({ type: 'history.redo' });

    readyToOrder(actor);
    actor.send({ type: 'order.submit' });
    await waitFor(actor, (snapshot) => snapshot.matches('ordered'));
    expect(received[0]!.body.design.personalisation).toEqual({ heelText: 'ADA', 'heelText.font': 'bebas-neue', 'heelText.colour': 'black' });
    expect(received[0]!.body.clientPrice.unitTotal).toBe(13400 + 500);
    status = actor.getSnapshot().context.summary.personalisation[0]!;
    expect(status.field.id).toBe('heelText');
  });

  it('announces a problem as the customer types and does not let the order go', () => {
    const { actor, received } = shop(['ok']);
    actor.send({ type: 'personalisation.edit', key: 'heelText', value: 'ADA LOVELACE' });
    expect(actor.getSnapshot().context.announcement).toBe('Up to 8 characters: this has 12.');
    readyToOrder(actor);
    actor.send({ type: 'order.submit' });
    expect(received).toHaveLength(0);
    expect(actor.getSnapshot().context.announcement).toMatch(/^The order was not placed: one problem stops it\. Heel tab text: Up to 8 characters: this has 12\.$/);
    expect(actor.getSnapshot().can({ type: 'order.export' })).toBe(false);
  });

  it('ignores fields the product does not have', () => {
    const { actor } = shop(['ok']);
    actor.send({ type: 'personalisation.edit', key: 'sticker', value: 'X' });
    expect(actor.getSnapshot().context.history.present.personalisation).toBeUndefined();
    expect(actor.getSnapshot().context.announcement).toMatch(/^Ignored personalisation.edit/);
  });
});

describe('artwork', () => {
  const tshirt = loadCatalogFromDisk(process.cwd()).entries.find((candidate) => candidate.product.id === 'tshirt')!;
  const tshirtSpace = compileRules(tshirt.product, tshirt.ruleSet);
  const artwork = { id: '0123456789abcdef', format: 'png' as const, widthPx: 3200, heightPx: 1600, vector: false, colours: 3, url: '/api/artworks/0123456789abcdef' };

  it('attaches an uploaded artwork, places it, undoes the placement, and orders it with its placement', () => {
    const actor = createActor(configuratorMachine, { input: { entry: tshirt, space: tshirtSpace } }).start();
    actor.send({ type: 'artwork.attach', field: 'frontArtwork', artwork });
    // Not offered until the front has a print method: nothing is attached.
    expect(actor.getSnapshot().context.history.present.personalisation).toBeUndefined();
    actor.send({ type: 'option.select', attribute: 'front.method', option: 'screen' });
    actor.send({ type: 'artwork.attach', field: 'frontArtwork', artwork });
    let status = actor.getSnapshot().context.summary.artwork.find((candidate) => candidate.field.id === 'frontArtwork')!;
    expect(status.box?.widthMm).toBe(260);
    expect(actor.getSnapshot().context.summary.price.surcharges.map((line) => line.label)).toContain('Screen colours (3 × €1.50)');
    for (const width of ['200', '150', '120']) actor.send({ type: 'personalisation.edit', key: 'frontArtwork.width', value: width });
    status = actor.getSnapshot().context.summary.artwork.find((candidate) => candidate.field.id === 'frontArtwork')!;
    expect(status.box?.widthMm).toBe(120);
    actor.send({ type: 'history.undo' });
    expect(actor.getSnapshot().context.summary.artwork.find((candidate) => candidate.field.id === 'frontArtwork')!.box?.widthMm).toBe(260);
    actor.send({ type: 'history.redo' });
    actor.send({ type: 'design.review' });
    actor.send({ type: 'review.size', sizeId: 'letter-m' });
    const exported: { design: { personalisation: Record<string, string> } }[] = [];
    actor.on('order.exported', ({ order }) => exported.push(order));
    actor.send({ type: 'order.export' });
    expect(exported[0]!.design.personalisation).toEqual({ frontArtwork: '0123456789abcdef', 'frontArtwork.x': '70.0', 'frontArtwork.y': '0.0', 'frontArtwork.width': '120.0' });
  });

  it('does not let an artwork too small to print go into an order, and says why', () => {
    const actor = createActor(configuratorMachine, { input: { entry: tshirt, space: tshirtSpace } }).start();
    actor.send({ type: 'option.select', attribute: 'front.method', option: 'dtg' });
    actor.send({ type: 'artwork.attach', field: 'frontArtwork', artwork: { ...artwork, widthPx: 600, heightPx: 300 } });
    expect(actor.getSnapshot().context.announcement).toMatch(/^Front artwork added\. At this size the artwork prints at only 58 DPI/);
    actor.send({ type: 'design.review' });
    actor.send({ type: 'review.size', sizeId: 'letter-m' });
    expect(actor.getSnapshot().can({ type: 'order.export' })).toBe(false);
    actor.send({ type: 'review.back' });
    actor.send({ type: 'artwork.remove', field: 'frontArtwork' });
    actor.send({ type: 'design.review' });
    actor.send({ type: 'review.size', sizeId: 'letter-m' });
    expect(actor.getSnapshot().can({ type: 'order.export' })).toBe(true);
  });
});

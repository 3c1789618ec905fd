-- The shipping address of an order: personal data, kept apart from the order's document (which
-- describes what is made) so that it can be read only where it is needed and erased on its own
-- once the parcel is delivered. Checked by the domain's checkShippingAddress before it is stored
-- ({"line1","line2","city","postalCode","country"}); orders placed before addresses were taken
-- have none (NULL).
ALTER TABLE orders ADD COLUMN shipping_address json;

-- Parking: an outbox row the broker refuses permanently (too large, invalid) is set aside with its error instead
-- of blocking the relay. Later rows of the same key (inspection) are held behind it, so that per-inspection order
-- survives until an operator retries it (parked_at back to null) or discards it (docs/events.md, "Unsendable events").
-- Applied out of order on databases that already have the services' own V1..: every service sets
-- quarkus.flyway.out-of-order=true; this only adds nullable columns, so the previous release keeps working.
alter table outbox_event add column parked_at    timestamptz;
alter table outbox_event add column park_error   text;
alter table outbox_event add column park_count   integer not null default 0;
alter table outbox_event add column discarded_at timestamptz;
alter table outbox_event add column discarded_by text;

-- Rows that hold back the rest of their key; normally empty, so the relay's check costs one probe per row.
create index outbox_event_parked on outbox_event (topic, message_key, id)
    where parked_at is not null and discarded_at is null and published_at is null;

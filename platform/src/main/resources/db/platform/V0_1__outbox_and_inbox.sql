-- Shared by every service (Flyway location db/platform). Version 0.1 runs before each service's own V1.

-- Transactional outbox: written in the same transaction as the change it describes, published by the relay.
create table outbox_event (
    id            bigserial primary key,
    event_id      uuid        not null unique,
    topic         text        not null,
    message_key   text        not null,
    type          text        not null,
    source        text        not null,
    subject       text,
    occurred_at   timestamptz not null default clock_timestamp(),
    payload       text        not null,
    published_at  timestamptz
);
create index outbox_event_unpublished on outbox_event (id) where published_at is null;

-- Inbox: ids of events already applied, recorded in the same transaction as their effect.
create table processed_event (
    event_id      uuid        primary key,
    processed_at  timestamptz not null default now()
);

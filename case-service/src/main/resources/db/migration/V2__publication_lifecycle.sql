-- Publication lifecycle: OPEN (fieldwork) -> SCHEDULED (embargoed until a time) -> PUBLISHED, and back to OPEN by
-- an audited reopening. Every publication is a numbered version; viewers see the latest one whose time has come.
alter table inspection drop constraint inspection_status_check;
alter table inspection add constraint inspection_status_check check (status in ('OPEN', 'SCHEDULED', 'PUBLISHED'));
-- The latest version issued (0: never published); published_by/published_at describe that version
-- (published_at is when it becomes visible, which may be in the future while SCHEDULED).
alter table inspection add column publication_version integer not null default 0;

create table publication (
    inspection_id  uuid        not null references inspection (id),
    version        integer     not null,
    visible_from   timestamptz not null,
    published_by   text        not null,
    requested_at   timestamptz not null,
    -- a SCHEDULED version reopened before its time never becomes visible
    cancelled_at   timestamptz,
    cancelled_by   text,
    primary key (inspection_id, version)
);
create index publication_visible on publication (inspection_id, visible_from) where cancelled_at is null;

create table reopening (
    id                 uuid primary key,
    inspection_id      uuid        not null references inspection (id),
    reopened_by        text        not null,
    reopened_at        timestamptz not null,
    reason             text        not null,
    from_status        text        not null,
    cancelled_version  integer
);
create index reopening_by_inspection on reopening (inspection_id, reopened_at);

-- Inspections published before versions existed become version 1.
insert into publication (inspection_id, version, visible_from, published_by, requested_at)
select id, 1, published_at, published_by, published_at from inspection where status = 'PUBLISHED';
update inspection set publication_version = 1 where status = 'PUBLISHED';

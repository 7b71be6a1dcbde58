-- Publication versions (from inspection.published / inspection.reopened): what viewers see is the snapshot of the
-- latest version whose time has come, frozen when its event was applied; never the live projection.
create table publication (
    inspection_id  uuid        not null,
    version        integer     not null,
    visible_from   timestamptz not null,
    published_by   text,
    -- PublishedSnapshot JSON: ratings, every breakdown's tallies and the case count at publication
    snapshot       text        not null,
    -- rating.published written to the outbox (published-ratings); kept through a rebuild so nothing is announced twice
    announced      boolean     not null default false,
    primary key (inspection_id, version)
);
create index publication_due on publication (visible_from) where not announced;

-- The lifecycle as case-events said it: OPEN, SCHEDULED (until scheduled_for) or PUBLISHED.
alter table inspection add column status text not null default 'OPEN';
alter table inspection add column scheduled_for timestamptz;
update inspection set status = 'PUBLISHED' where published;
-- The change sequence of the latest publication that became visible: viewers' streams follow this one.
alter table inspection add column published_seq bigint not null default 0;
alter table inspection drop column published;

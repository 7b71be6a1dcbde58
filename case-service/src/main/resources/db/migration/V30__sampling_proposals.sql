-- A proposed case sample (POST /inspections/{id}/sampling): the long list as sent and the draw, kept until the
-- lead accepts it, when its sample is registered as the inspection's cases. Who proposed and who accepted, when.
create table sampling_proposal (
    id             uuid primary key,
    inspection_id  uuid        not null references inspection (id),
    seed           bigint      not null,
    size           integer     not null,
    buffer         numeric     not null,
    long_list      text        not null,
    draw           text        not null,
    proposed_by    text        not null,
    proposed_at    timestamptz not null,
    accepted_by    text,
    accepted_at    timestamptz
);
create index sampling_proposal_inspection on sampling_proposal (inspection_id);

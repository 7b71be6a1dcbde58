-- Live stream (GET /regions/{region}/ratings/stream): every snapshot written gets the next change sequence, so a
-- reconnecting client (Last-Event-ID) is sent exactly the inspections changed since the id it saw last.
create sequence rating_change_seq;
alter table inspection add column change_seq bigint not null default 0;
create index inspection_by_change on inspection (change_seq);

-- Each key question's overall percentage over time (GET /inspections/{id}/history): one row whenever it moves,
-- stamped with the ce_time of the answer that moved it, so a rebuild reproduces the same history.
create table key_question_history (
    inspection_id uuid        not null,
    question_id   text        not null,
    seq           bigserial   primary key,
    at            timestamptz not null,
    yes           integer     not null,
    no            integer     not null,
    percentage    integer
);
create index key_question_history_by_inspection on key_question_history (inspection_id, question_id, seq);
